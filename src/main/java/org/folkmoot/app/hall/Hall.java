package org.folkmoot.app.hall;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;

/**
 * What the facilitator's console and the room's screen share, beside the meeting's session: the words spoken
 * in the hall (one bundle, one language), the proposals this laptop keeps, and the tracked change the console
 * is drafting, which the room sees as it is typed. Both screens use it; neither sees the other.
 */
public final class Hall {
    /** The steps of the ladder as both screens draw it, in order (see {@link #ladderIndex}). */
    private static final String[] STEPS = {"presented", "check-1", "objections", "round-1", "check-2", "round-2", "final",
        "planning", "closed"};

    private final ResourceBundle text;
    /** This laptop's data folder: where the proposals presented are kept. */
    private final Path dataFolder;
    /** The proposals found kept, by payload SHA-256: the room's screen asks after every entry. */
    private final Map<String, Proposal> kept = new ConcurrentHashMap<>();
    private final ObservableList<TrackedChange.Run> draft = FXCollections.observableArrayList();
    // one read-only view of each list, kept: a wrapper made per call listens weakly and is collected with its listeners
    private final ObservableList<TrackedChange.Run> draftView = FXCollections.unmodifiableObservableList(draft);
    private final ObservableList<String> ladderView;

    public Hall(ResourceBundle text, Path dataFolder) {
        this.text = text;
        this.dataFolder = dataFolder;
        ObservableList<String> ladder = FXCollections.observableArrayList();
        for (String step : STEPS) ladder.add(text.getString("ladder." + step));
        this.ladderView = FXCollections.unmodifiableObservableList(ladder);
    }

    /** The hall's words. */
    public ResourceBundle text() {
        return text;
    }

    /** The hall's language: its bundle's (English, the base bundle, has the root locale). */
    public Locale locale() {
        return text.getLocale();
    }

    /** The procedure's words (a reason, a stage, an outcome, a tally) in the hall's language. */
    public String say(Object words) {
        return words instanceof Reason r ? r.text(locale()) : Reason.word(words, locale());
    }

    /** A share as a percentage with one decimal, in the hall's language where no votes were cast. */
    public String percent(Fraction share) {
        return share.denominator() == 0 ? text.getString("tally.no-votes") : share.percent();
    }

    /** A day as the room reads it: "20 December 2026". */
    public String day(LocalDate day) {
        Locale months = locale().getLanguage().isEmpty() ? Locale.ENGLISH : locale();
        return DateTimeFormatter.ofPattern(text.getString("console.proposal.day"), months).format(day);
    }

    /** The ladder's steps, in the hall's words. */
    public ObservableList<String> ladder() {
        return ladderView;
    }

    /** Where a resolution stands on the ladder, as an index into {@link #ladder()}. */
    public static int ladderIndex(Resolution r) {
        return switch (r.stage()) {
            case CHECK_1 -> 1;
            case OBJECTIONS -> 2;
            case ROUND_1 -> 3;
            case CHECK_2 -> 4;
            case ROUND_2 -> 5;
            case FINAL -> 6;
            case PLANNING -> 7;
            case CLOSED -> 8;
        };
    }

    /** The proposal this laptop kept with payload SHA-256 {@code sha256}, if any (the projector, the minutes). */
    public Optional<Proposal> keptProposal(String sha256) {
        if (sha256 == null) return Optional.empty();
        Proposal known = kept.get(sha256);
        if (known != null) return Optional.of(known);
        Optional<Proposal> found = new ProposalShelf(dataFolder).find(sha256);
        found.ifPresent(p -> kept.put(sha256, p));
        return found;
    }

    /** Remembers a proposal just kept and presented, so that it is not looked for on the shelf again. */
    public void kept(Proposal p) {
        kept.put(p.payloadSha256(), p);
    }

    /** The amendment being written or voted at the console, as a tracked change in the working text; empty otherwise. */
    public ObservableList<TrackedChange.Run> draft() {
        return draftView;
    }

    /** The console's draft now: {@code runs}, or none. */
    public void draft(List<TrackedChange.Run> runs) {
        if (runs.isEmpty()) draft.clear();
        else draft.setAll(runs);
    }
}
