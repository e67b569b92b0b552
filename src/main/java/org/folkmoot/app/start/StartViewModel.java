package org.folkmoot.app.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.app.work.Background;
import org.folkmoot.files.OutputFile;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Ids;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Words;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.session.Backup;
import org.folkmoot.session.CommunitySettings;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;

/**
 * The start screen without its window: tonight's form (the Community, the meeting, its rules) and its checks,
 * the Community's book as it stands, the meetings there are to reopen, and this laptop's key and backup. A
 * meeting begun or reopened is handed to {@code open}, which puts its console and projector on screen.
 */
public final class StartViewModel {
    /** The most meetings the book lists; the minutes hold them all. */
    static final int MEETINGS_SHOWN = 8;

    /** One meeting of the book as listed: its number, date, place, and (the last one) whether it was adjourned. */
    public record Held(String number, String date, String place, String state) {
    }

    /**
     * The Community's book: its title, "… and N earlier" (or null), the meetings listed, what stands open in it,
     * and what starting tonight's meeting will do ({@code adjourned} false: its last meeting was left mid-way).
     */
    public record Book(String title, String earlier, List<Held> meetings, List<StandingBusiness.Section> standing,
                       String next, boolean adjourned) {
    }

    private final Path data;
    private final CommunityKey key;
    private final ResourceBundle text;
    private final Clock clock;
    private final Executor background;
    private final Consumer<MeetingSession> open;
    private final boolean firstRun;
    private final CommunityBook.Found found;
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty members = new SimpleStringProperty("");
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty place = new SimpleStringProperty("");
    private final StringProperty facilitator = new SimpleStringProperty("");
    private final StringProperty secretary = new SimpleStringProperty("");
    private final RulesForm.Values rules;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper keyMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyDone = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> meetings = FXCollections.observableArrayList();
    private final ObservableMap<String, String> described = FXCollections.observableHashMap();

    /**
     * Reads the data folder as the screen opens: the Community this laptop knows (its form filled in), its book,
     * and the meeting files; what each file holds is read on {@code background}, the list being there at once.
     *
     * @param clock the meetings' clock; today's date is its day where this laptop is
     * @param open  puts a meeting begun or reopened on screen (called on the screen's thread)
     */
    public StartViewModel(Path data, CommunityKey key, ResourceBundle text, Clock clock, Executor background,
                          Consumer<MeetingSession> open) {
        this.data = data;
        this.key = key;
        this.text = text;
        this.clock = clock;
        this.background = background;
        this.open = open;
        Community known = CommunitySettings.load(data).orElse(null);
        firstRun = known == null;
        found = known == null ? null : CommunityBook.find(data, known.id()).orElse(null);
        if (known != null) {
            id.set(known.id());
            name.set(known.name());
            members.set(Long.toString(known.members()));
        }
        date.set(today().toString());
        // most Communities meet in the same hall: the last meeting's place, to be changed if not
        String lastPlace = found == null ? null : found.last().info().place();
        place.set(lastPlace == null ? "" : lastPlace);
        rules = new RulesForm.Values(CommunitySettings.rules(data));
        meetings.setAll(CommunityBook.files(data).stream().map(p -> p.getFileName().toString()).toList());
        describeMeetings();
    }

    /** What each meeting in the list holds, read off the screen's thread one file after another. */
    private void describeMeetings() {
        List<String> files = List.copyOf(meetings);
        Executor screen = Background.screenOf(Thread.currentThread());
        background.execute(() -> {
            for (String file : files) {
                String said = CommunityBook.describe(data.resolve("meetings").resolve(file), text);
                screen.execute(() -> described.put(file, said));
            }
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /** The Community as the form gives it, or null when its id or its members are missing or not right. */
    Community community() {
        String m = members.get().strip();
        String given = id.get().strip();
        if (given.isEmpty() || !m.matches("\\d{1,9}") || Long.parseLong(m) < 1) return null;
        if (Ids.problem("community-id", given) != null) return null; // it names a file and a line
        return new Community(given, name.get().isBlank() ? given : name.get().strip(), Long.parseLong(m));
    }

    /**
     * Starts tonight's meeting: the Community's book goes on from its last meeting, its very first meeting
     * begins it. What is not right is said in one line and nothing is written.
     */
    public void start() {
        Community c = community();
        if (c == null) {
            problem.set(text.getString("start.problem"));
            return;
        }
        String day = date.get().strip();
        if (!day.isEmpty() && !HeaderCodec.readableDate(day)) {
            problem.set(text.getString("start.problem.date"));
            return;
        }
        Rules inForce;
        try {
            inForce = rules.rules();
        } catch (IllegalArgumentException ex) {
            problem.set(ex.getMessage());
            return;
        }
        MeetingInfo tonight = new MeetingInfo(blankToNull(day), blankToNull(place.get()), blankToNull(facilitator.get()),
                blankToNull(secretary.get()));
        MeetingSession session;
        try {
            CommunityBook.Found book = CommunityBook.find(data, c.id()).orElse(null);
            if (book != null) {
                String why = CommunityBook.whyNot(book, c, inForce, tonight, text);
                if (why != null) {
                    problem.set(why);
                    return;
                }
                CommunitySettings.save(data, c, inForce);
                session = CommunityBook.begin(book.file(), tonight, clock, text.getLocale());
            } else {
                CommunitySettings.save(data, c, inForce);
                session = MeetingSession.create(newMeetingFile(day, c.id()), new Header(c, inForce, tonight), clock);
            }
        } catch (StoreException ex) {
            problem.set(ex.reason(text.getLocale())); // the meeting file's own words, in the screen's language
            return;
        } catch (IOException ex) {
            problem.set(ex.getMessage());
            return;
        }
        open.accept(session);
    }

    /**
     * Reopens a meeting of the list. A long book takes seconds to fold again: done on {@code background}, and
     * said while it is done; then handed to {@code open}, or why not said.
     */
    public void reopen(String chosen) {
        if (chosen == null || working.get()) return;
        working.set(true);
        problem.set(Words.format(text.getString("start.reopening"), chosen));
        Path file = data.resolve("meetings").resolve(chosen);
        Background.then(background, () -> {
            try {
                return new Reopened(MeetingSession.open(file, clock), null);
            } catch (StoreException e) {
                return new Reopened(null, e.reason(text.getLocale())); // said in the screen's language
            } catch (RuntimeException e) {
                return new Reopened(null, String.valueOf(e.getMessage()));
            }
        }, done -> {
            working.set(false);
            problem.set(done.session() == null ? done.why() : "");
            if (done.session() != null) open.accept(done.session());
        });
    }

    private record Reopened(MeetingSession session, String why) {
    }

    /** The name the Community's public key is saved under, or null (and why said) when the form has no Community. */
    public String keyFileName() {
        Community c = community();
        if (c == null) {
            say(text.getString("start.problem"), false);
            return null;
        }
        return c.id() + ".key.json";
    }

    /**
     * Writes the Community's public key (its roster entry) to {@code file}. The Community it was exported for is
     * this laptop's from then on: kept, not typed again at the first meeting.
     */
    public void exportKey(Path file) {
        Community c = community();
        if (c == null) {
            say(text.getString("start.problem"), false);
            return;
        }
        try {
            OutputFile.writeDurably(file, key.exportEntry(c.id(), c.name(), c.members()));
            Rules inForce;
            try {
                inForce = rules.rules();
            } catch (IllegalArgumentException ex) {
                inForce = CommunitySettings.rules(data);
            }
            CommunitySettings.save(data, c, inForce);
            say(Words.format(text.getString("start.exported"), file.toFile(), key.keyId()), true);
        } catch (IOException ex) {
            say(ex.getMessage(), false);
        }
    }

    /** Backs the data folder up into {@code dir} (a USB stick), and says how many records went. */
    public void backup(Path dir) {
        try {
            Backup.Written w = Backup.write(data, dir, false);
            say(Words.format(text.getString("start.backed-up"), w.records().size(), dir.toFile()), true);
        } catch (IOException ex) {
            say(ex.getMessage(), false);
        }
    }

    private void say(String message, boolean done) {
        keyMessage.set(message);
        keyDone.set(done);
    }

    private Path newMeetingFile(String day, String community) throws IOException {
        Path dir = data.resolve("meetings");
        Files.createDirectories(dir);
        String base = (day.isBlank() ? today().toString() : day).replaceAll("[^0-9A-Za-z-]", "_") + "-"
                + community.replaceAll("[^0-9A-Za-z-]", "_");
        for (int n = 1; ; n++) {
            Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".meeting");
            if (!Files.exists(file)) return file;
        }
    }

    /**
     * The Community's book: its meetings (number, date, place, who ran them), what stands open in it, and what
     * starting tonight's meeting will do; null before its first meeting.
     */
    public Book book() {
        if (found == null) return null;
        Meeting m = found.meeting();
        List<Meeting.Held> held = m.meetings();
        String title = Words.format(text.getString(held.size() == 1 ? "book.title.one" : "book.title"),
                m.header().community().name(), held.size(), found.file().getFileName());
        int from = held.size() <= MEETINGS_SHOWN ? 0 : held.size() - MEETINGS_SHOWN + 1; // "… and 2 earlier", never 1
        String earlier = from > 0 ? Words.format(text.getString("book.earlier"), from) : null;
        List<Held> listed = new ArrayList<>();
        for (Meeting.Held h : held.subList(from, held.size())) {
            MeetingInfo info = h.sitting().info();
            boolean last = h.sitting().number() == held.size();
            String state = !last ? "" : m.adjourned() ? text.getString("book.adjourned") : text.getString("book.not-adjourned.short");
            listed.add(new Held(Words.format(text.getString("book.number"), h.sitting().number()),
                    StandingBusiness.orDash(info.date()), StandingBusiness.orDash(info.place()), state));
        }
        // a meeting already held today is gone on with, not followed by another: said here as Start would say it
        MeetingInfo lastInfo = found.last().info();
        boolean sameDay = today().toString().equals(lastInfo.date());
        String next = sameDay ? Words.format(text.getString("start.same-day"), found.last().number(), lastInfo.date())
                : m.adjourned() ? Words.format(text.getString("book.next"), held.size() + 1)
                : Words.format(text.getString("book.not-adjourned"), held.size(), StandingBusiness.orDash(lastInfo.date()),
                held.size() + 1);
        return new Book(title, earlier, List.copyOf(listed), StandingBusiness.of(m.book(), text), next, m.adjourned());
    }

    /** Whether this laptop knows no Community yet: the screen opens with what to do before the first meeting. */
    public boolean firstRun() {
        return firstRun;
    }

    /** The first run's steps: set the Community up, this laptop's key, and where its data lives. */
    public List<String> guide() {
        return List.of(text.getString("guide.community"), Words.format(text.getString("guide.key"), key.keyId()),
                Words.format(text.getString("guide.data"), data));
    }

    /** This laptop's key and data folder, said under the form. */
    public String keyLine() {
        return Words.format(text.getString("start.key"), key.keyId(), data);
    }

    /** The meeting the list has chosen as the screen opens: the book, what is reopened after a crash; or null. */
    public String chosenAtOpening() {
        return found == null ? null : found.file().getFileName().toString();
    }

    /** What the list says of {@code file}: what it holds, or that it is being read. */
    public String description(String file) {
        return described.getOrDefault(file, text.getString("start.meeting.reading"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty membersProperty() {
        return members;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public StringProperty facilitatorProperty() {
        return facilitator;
    }

    public StringProperty secretaryProperty() {
        return secretary;
    }

    public RulesForm.Values rules() {
        return rules;
    }

    /** Why the form was not started or a meeting not reopened; while one is reopened, that it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A meeting is being reopened: the line under the form says so (not a problem), and Reopen waits. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** What the key's and the backup's buttons did. */
    public ReadOnlyStringProperty keyMessageProperty() {
        return keyMessage.getReadOnlyProperty();
    }

    /** Whether {@link #keyMessageProperty()} says a success (else a problem). */
    public ReadOnlyBooleanProperty keyDoneProperty() {
        return keyDone.getReadOnlyProperty();
    }

    /** The meeting files, newest first. */
    public ObservableList<String> meetings() {
        return meetings;
    }

    /** What each meeting file holds, as it is read. */
    public ObservableMap<String, String> described() {
        return described;
    }
}
