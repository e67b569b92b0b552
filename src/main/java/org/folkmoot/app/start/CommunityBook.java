package org.folkmoot.app.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.procedure.Words;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.folkmoot.app.hall.StandingBusiness;

/**
 * The Community's book on this laptop: the meeting file in the data folder's {@code meetings/} that holds its
 * meetings one after another, and what starting tonight's meeting records in it
 * (docs/decisions/0011-tonights-meeting.md).
 */
public final class CommunityBook {
    private CommunityBook() {
    }

    /** A book found: its file and its state, folded from its record. */
    public record Found(Path file, Meeting meeting) {
        /** Its last meeting: the one going on, adjourned, or left mid-way. */
        public Sitting last() {
            return meeting.book().meeting();
        }
    }

    /** The meeting files in the data folder, newest first (the one written last is the book going on). */
    public static List<Path> files(Path data) {
        Path dir = data.resolve("meetings");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".meeting") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(CommunityBook::modified).reversed().thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * A meeting file as the reopen list names it, by what it holds: "Millbrook 2 · Meeting 1 · 2026-11-28 ·
     * Millbrook school hall — B-1 — A Community bakery (passed)"; each resolution with where it stands. A file
     * that cannot be read says so (reopening it says why). Folds the record: call it off the screen's thread.
     */
    public static String describe(Path file, ResourceBundle text) {
        try (MeetingFile f = MeetingFile.open(file)) {
            Optional<Replay.Stored> stored = f.stored();
            if (stored.isEmpty()) return text.getString("start.meeting.unreadable");
            Meeting m = Replay.reopen(stored.get()).meeting();
            List<String> held = new ArrayList<>();
            for (org.folkmoot.procedure.Resolution r : m.resolutions()) {
                Object where = r.stage() == org.folkmoot.procedure.Stage.CLOSED && r.outcome().isPresent() ? r.outcome().get() : r.stage();
                held.add(Words.format(text.getString("choice.resolution"), r.id(), r.title(),
                        org.folkmoot.procedure.Reason.word(where, text.getLocale())));
            }
            return Words.format(text.getString("start.meeting.line"), m.header().community().name(),
                    StandingBusiness.meetingLine(m.book().meeting(), text),
                    held.isEmpty() ? text.getString("start.meeting.none") : String.join("; ", held));
        } catch (StoreException | FormatException | RuntimeException e) { // NOPMD: an unreadable file is listed all the same
            return text.getString("start.meeting.unreadable");
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * The book of the Community {@code id}: the meeting file written last whose header names it. Files that
     * cannot be read are passed over here (reopening one says why).
     */
    public static Optional<Found> find(Path data, String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        for (Path file : files(data)) {
            try (MeetingFile f = MeetingFile.open(file)) {
                Optional<Replay.Stored> stored = f.stored();
                if (stored.isEmpty()) continue;
                Header header = HeaderCodec.read(Json.object(stored.get().headerLine()));
                if (!header.community().id().equals(id.strip())) continue;
                return Optional.of(new Found(file, Replay.reopen(stored.get()).meeting()));
            } catch (StoreException | FormatException | RuntimeException e) { // NOPMD: an unreadable file is not the book
                // the next file may be
            }
        }
        return Optional.empty();
    }

    /**
     * Why tonight's meeting cannot continue this book, in the app's words, or null when it can: a book keeps
     * the Community and rules it began with, needs who runs every later meeting, and never splits an evening.
     */
    public static String whyNot(Found book, Community form, Rules rules, MeetingInfo tonight, ResourceBundle text) {
        Header h = book.meeting().header();
        List<String> differs = new ArrayList<>();
        if (!h.community().name().equals(form.name())) {
            differs.add(Words.format(text.getString("start.differs.name"), h.community().name(), form.name()));
        }
        if (h.community().members() != form.members()) {
            differs.add(Words.format(text.getString("start.differs.members"), h.community().members(), form.members()));
        }
        if (!h.rules().equals(rules)) differs.add(text.getString("start.differs.rules"));
        if (!differs.isEmpty()) {
            return Words.format(text.getString("start.book-differs"), h.community().id(), String.join("; ", differs));
        }
        if (blank(tonight.date()) || blank(tonight.place()) || blank(tonight.facilitator()) || blank(tonight.secretary())) {
            return text.getString("start.problem.tonight");
        }
        Sitting last = book.last();
        if (tonight.date().equals(last.info().date())) {
            return Words.format(text.getString("start.same-day"), last.number(), tonight.date());
        }
        if (before(tonight.date(), last.info().date())) {
            return Words.format(text.getString("start.before-last"), tonight.date(), last.number(), last.info().date());
        }
        return null;
    }

    /**
     * Begins tonight's meeting in the book: a meeting of an earlier day left without its adjournment is
     * adjourned first (it ended when the hall emptied), then tonight's {@code meeting} is recorded. Everything
     * open carries over as it stood.
     *
     * @throws StoreException when the file cannot be written, or the ladder refuses (then nothing of tonight was recorded)
     */
    public static MeetingSession begin(Path file, MeetingInfo tonight, Clock clock, java.util.Locale locale) throws StoreException {
        MeetingSession session = MeetingSession.open(file, clock);
        try {
            if (!session.meeting().adjourned()) refuseIf(session.take(new Action.Adjourn(null)), locale);
            refuseIf(session.take(new Action.NextMeeting(tonight)), locale);
            return session;
        } catch (StoreException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static void refuseIf(Optional<Refusal> refusal, java.util.Locale locale) throws StoreException {
        if (refusal.isPresent()) throw new StoreException(refusal.get().reason(locale));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether date {@code a} is before {@code b}; false where either cannot be read as a day. */
    private static boolean before(String a, String b) {
        if (a == null || b == null) return false;
        try {
            return LocalDate.parse(a).isBefore(LocalDate.parse(b));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
