package org.folkmoot.app.combine;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.RosterHistory;
import org.folkmoot.verdict.SignedFile;

/**
 * The clerk issues the body's proposal (what {@code folkmoot proposal new} does): the roster, the resolution,
 * its text, the day to report by and the body's rules, signed with this laptop's body key and saved where the
 * clerk chooses, for every Community of the roster to present unchanged; and the body's key exported for the
 * Communities to enroll (docs/decisions/0013-proposals.md). Every problem is one line, and nothing is written.
 */
public final class ProposalViewModel {
    /** One of the body's shares, as typed ({@code p/q}), with the keys of its label and of what it does. */
    public record Rule(String key, String help, StringProperty value) {
    }

    private final ResourceBundle text;
    private final CommunityKey bodyKey;
    private final Path data;
    private final StringProperty roster = new SimpleStringProperty("");
    private final StringProperty resolution = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty proposer = new SimpleStringProperty("");
    private final StringProperty resolutionText = new SimpleStringProperty("");
    private final StringProperty reportBy = new SimpleStringProperty("");
    private final StringProperty consensus = new SimpleStringProperty();
    private final StringProperty finalVote = new SimpleStringProperty();
    private final StringProperty contention = new SimpleStringProperty();
    private final StringProperty basis = new SimpleStringProperty();
    private final StringProperty passConsensus = new SimpleStringProperty();
    private final StringProperty passSupermajority = new SimpleStringProperty();
    private final StringProperty reportingQuorum = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private final ObjectProperty<Proposal> issued = new SimpleObjectProperty<>();
    /** The text file the text was taken from: never written over, whatever the clerk chooses. */
    private Path textFile;

    /**
     * @param bodyKey the laptop's body key, which signs the proposal and the roster is checked against
     * @param data    the data folder, whose secret keys are never written over
     */
    public ProposalViewModel(ResourceBundle text, CommunityKey bodyKey, Path data) {
        this.text = text;
        this.bodyKey = bodyKey;
        this.data = data;
        BodyRules d = BodyRules.defaults();
        consensus.set(d.consensus().toString());
        finalVote.set(d.finalVote().toString());
        contention.set(d.contention().toString());
        basis.set(d.basis().word());
        passConsensus.set(d.passConsensus().toString());
        passSupermajority.set(d.passSupermajority().toString());
        reportingQuorum.set(d.reportingQuorum().toString());
    }

    public StringProperty rosterProperty() { return roster; }
    public StringProperty resolutionProperty() { return resolution; }
    public StringProperty titleProperty() { return title; }
    /** Who proposes it; left empty, the body's name. */
    public StringProperty proposerProperty() { return proposer; }
    /** The resolution's text exactly as the Communities will present it. */
    public StringProperty textProperty() { return resolutionText; }
    /** The day the body wants the verdicts by, YYYY-MM-DD. */
    public StringProperty reportByProperty() { return reportBy; }
    public StringProperty basisProperty() { return basis; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    /** Whether the last save wrote a proposal (the view then says what to do with it). */
    public ReadOnlyBooleanProperty savedProperty() { return saved; }
    /** The proposal last saved, or null. */
    public ReadOnlyObjectProperty<Proposal> issuedProperty() { return issued; }

    /** The six shares of the body's rules, in the order the form shows them (the basis is apart). */
    public List<Rule> shares() {
        return List.of(new Rule("combine.issue.rules.consensus", "combine.issue.rules.consensus.help", consensus),
                new Rule("combine.issue.rules.final", "combine.issue.rules.final.help", finalVote),
                new Rule("combine.issue.rules.contention", "combine.issue.rules.contention.help", contention),
                new Rule("combine.issue.rules.pass-consensus", "combine.issue.rules.pass-consensus.help", passConsensus),
                new Rule("combine.issue.rules.pass-supermajority", "combine.issue.rules.pass-supermajority.help", passSupermajority),
                new Rule("combine.issue.rules.quorum", "combine.issue.rules.quorum.help", reportingQuorum));
    }

    /** The name the save dialog offers: the resolution's id, made safe for a file name. */
    public String suggestedName() {
        String id = resolution.get() == null ? "" : resolution.get().strip();
        return (id.isEmpty() ? "resolution" : id.replaceAll("[^\\w.-]", "_")) + ".proposal";
    }

    /** The name the key export offers: the body's id from the roster, when it can be read. */
    public String suggestedKeyName() {
        try {
            return body().id().replaceAll("[^\\w.-]", "_") + ".body-key.json";
        } catch (Problem ignored) {
            return "body-key.json"; // the export says what is wrong with the roster
        }
    }

    /** Fills the text from a text file (UTF-8, one final line break dropped, as {@code proposal new} reads it). */
    public void textFrom(Path file) {
        try {
            byte[] bytes = InputFile.read(file, Proposal.MAX_TEXT_BYTES + 2L, "a resolution's text");
            resolutionText.set(Proposal.textOf(bytes));
            textFile = file;
            message.set("");
        } catch (InputFile.Refused e) {
            message.set(Words.format(text.getString("combine.issue.problem.text-file"), file.getFileName(), e.reason()));
        } catch (Proposal.Refused e) {
            message.set(Words.format(text.getString("combine.issue.problem.text-file"), file.getFileName(), e.getMessage()));
        }
    }

    /**
     * Signs the proposal with the body key and writes it to {@code out} (whole or not at all, never over the
     * roster, the text file or a secret key; the save dialog has asked before replacing another file). Returns
     * the proposal, or null when the form is refused (the reason in {@link #messageProperty}).
     */
    public Proposal save(Path out) {
        saved.set(false);
        Proposal p;
        try {
            p = Proposal.issue(draft(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), bodyKey);
        } catch (Problem e) {
            message.set(e.getMessage());
            return null;
        } catch (Proposal.Refused e) {
            message.set(Words.format(text.getString("combine.issue.problem.refused"), e.getMessage()));
            return null;
        }
        if (!write(out, p.file())) return null;
        String line = Words.format(text.getString("combine.issue.saved"), out, p.resolution(),
                org.folkmoot.app.hall.BodyWords.named(p.body(), text), p.reportBy(), p.fingerprint());
        if (LocalDate.now().isAfter(p.reportBy())) line += " " + Words.format(text.getString("combine.issue.past"), p.reportBy());
        message.set(line);
        issued.set(p);
        saved.set(true);
        return p;
    }

    /** Whether the form can be saved, said before the save dialog opens (else the reason, in the message line). */
    public boolean ready() {
        return says(this::draft);
    }

    /** Whether the body's key can be exported: the roster names the body (else the reason, in the message line). */
    public boolean keyReady() {
        return says(this::body);
    }

    /** What the form would be read as, or the first thing wrong with it. */
    private interface Reading {
        Object read() throws Problem;
    }

    /** Whether {@code reading} holds; when it does not, its reason goes to the message line. */
    private boolean says(Reading reading) {
        try {
            reading.read();
            message.set("");
            return true;
        } catch (Problem e) {
            saved.set(false);
            message.set(e.getMessage());
            return false;
        }
    }

    /** The proposal as the form states it, or the first thing wrong with the form. */
    private Proposal.Draft draft() throws Problem {
        Roster r = rosterWithBody();
        if (blank(resolution.get())) throw new Problem(text.getString("combine.problem.resolution"));
        if (blank(title.get())) throw new Problem(text.getString("combine.issue.problem.title"));
        if (resolutionText.get() == null || resolutionText.get().isBlank()) throw new Problem(text.getString("combine.issue.problem.text"));
        LocalDate day = day();
        BodyRules rules = rules();
        return new Proposal.Draft(r.body(), resolution.get().strip(), title.get().strip(), resolutionText.get(),
                blank(proposer.get()) ? null : proposer.get().strip(), rules, r, day);
    }

    /** The roster's body, or why there is none. */
    private Roster.Body body() throws Problem {
        return rosterWithBody().body();
    }

    /** The roster, once it names its body, or why not. */
    private Roster rosterWithBody() throws Problem {
        Roster r = readRoster();
        if (r == null) throw new Problem(text.getString("combine.problem.roster"));
        if (r.body() == null) throw new Problem(text.getString("combine.problem.roster.body"));
        return r;
    }

    /** Writes the body's key file ({@code roster key --export}) for the Communities to enroll, naming the roster's body. */
    public boolean exportKey(Path out) {
        saved.set(false);
        Roster.Body b;
        try {
            b = body();
        } catch (Problem e) {
            message.set(e.getMessage());
            return false;
        }
        if (!write(out, Bodies.keyFile(b, bodyKey))) return false;
        message.set(Words.format(text.getString("combine.issue.exported"), out, bodyKey.keyId(), org.folkmoot.app.hall.BodyWords.named(b, text)));
        return true;
    }

    private boolean write(Path out, byte[] bytes) {
        try {
            OutputFile.write(out, bytes, true, OutputFile.kept(new OutputFile.Kept(rosterPath(), "the roster"),
                    new OutputFile.Kept(textFile, "the resolution's text"),
                    new OutputFile.Kept(data.resolve("community.key"), "the Community's secret key"),
                    new OutputFile.Kept(data.resolve("body.key"), "the body's secret key")));
            return true;
        } catch (IOException e) {
            message.set(Words.format(text.getString("combine.issue.problem.write"), e.getMessage()));
            return false;
        }
    }

    /** The roster as this laptop's body key signed it (or plain), or null when none is chosen. */
    private Roster readRoster() throws Problem {
        Path file = rosterPath();
        if (file == null) return null;
        try {
            return RosterHistory.read(file, List.of(bodyKey.publicKey()));
        } catch (SignedFile.Refused e) {
            throw new Problem(Words.format(text.getString("combine.problem.roster.read"), e.getMessage()));
        }
    }

    private Path rosterPath() {
        if (blank(roster.get())) return null;
        try {
            return Path.of(roster.get().strip());
        } catch (InvalidPathException e) {
            return Path.of("?" + roster.get().strip().replaceAll("[^\\w.-]", "_"));
        }
    }

    private LocalDate day() throws Problem {
        try {
            return LocalDate.parse(reportBy.get() == null ? "" : reportBy.get().strip());
        } catch (DateTimeParseException e) {
            throw new Problem(text.getString("combine.issue.problem.report-by"));
        }
    }

    private BodyRules rules() throws Problem {
        Basis b;
        try {
            b = Basis.fromWord(basis.get() == null ? "" : basis.get().strip());
        } catch (IllegalArgumentException e) {
            throw new Problem(Words.format(text.getString("combine.issue.problem.rule"), text.getString("combine.issue.rules.basis"), e.getMessage()));
        }
        Fraction[] f = new Fraction[6];
        List<Rule> shares = shares();
        for (int i = 0; i < f.length; i++) {
            Rule r = shares.get(i);
            try {
                f[i] = Fraction.parseShare(r.value().get() == null ? "" : r.value().get().strip());
            } catch (IllegalArgumentException e) {
                throw new Problem(Words.format(text.getString("combine.issue.problem.rule"), text.getString(r.key()), e.getMessage()));
            }
        }
        return new BodyRules(f[0], f[1], f[2], b, f[3], f[4], f[5]);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A line of the form saying what is wrong. */
    private static final class Problem extends Exception {
        Problem(String line) {
            super(line, null, false, false);
        }
    }
}
