package org.folkmoot.app.combine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.folkmoot.app.hall.BodyWords;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.Combination;
import org.folkmoot.combine.TallyWriter;
import org.folkmoot.files.InputFile;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;

/**
 * The tally clerk's screen: a roster, a resolution and its text, the files and folders (USB sticks) to count;
 * the count runs off the UI thread with its progress shown, then the outcome with a bar for each kind of
 * verdict, what was refused and why, who is missing; and the signed result saved where the clerk chooses.
 * Opened, the body's proposal gives the resolution, the text hash and the rules, and the count is made against
 * it (docs/decisions/0013-proposals.md).
 */
public final class CombineViewModel {
    /** One bar: what it counts, how many, and its share of those reporting (0 to 1, for drawing only). */
    public record Bar(String label, long count, double share, String percent) {
    }

    private final ResourceBundle text;
    private final CommunityKey bodyKey;
    private final Path work;
    private final Executor background;
    private final StringProperty roster = new SimpleStringProperty("");
    private final StringProperty resolution = new SimpleStringProperty("");
    private final StringProperty textSha256 = new SimpleStringProperty("");
    private final StringProperty inputs = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressLine = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty counted = new SimpleBooleanProperty(false);
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObjectProperty<Proposal> proposal = new SimpleObjectProperty<>();
    private final BooleanProperty proposalOpen = new SimpleBooleanProperty(false);
    private final StringProperty proposalLine = new SimpleStringProperty("");
    /** The key id that signed the proposal opened: a body signs its rosters with it, and no other body's. */
    private String proposalSigner;
    /** The proposal the shown count was made against (null for one by a typed resolution and hash). */
    private Proposal countedAgainst;
    private Combination combination;
    private Combination.Summary summary;
    private Roster readRoster;

    /** @param background where the count is made and its result written (the app's one executor) */
    public CombineViewModel(ResourceBundle text, CommunityKey bodyKey, Path work, Executor background) {
        this.text = text;
        this.bodyKey = bodyKey;
        this.background = background;
        this.work = work;
    }

    public StringProperty rosterProperty() { return roster; }
    public StringProperty resolutionProperty() { return resolution; }
    /** The SHA-256 of the resolution's text (64 hex digits); {@link #hashTextOf} fills it from a text file. */
    public StringProperty textSha256Property() { return textSha256; }
    /** Files and folders to count, one a line. */
    public StringProperty inputsProperty() { return inputs; }
    /** Where the signed result goes. */
    public StringProperty targetProperty() { return target; }
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    public ReadOnlyStringProperty progressLineProperty() { return progressLine; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public ReadOnlyBooleanProperty countedProperty() { return counted; }
    public ReadOnlyStringProperty outcomeProperty() { return outcome; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ObservableList<Bar> bars() { return bars; }
    public ObservableList<String> refused() { return refused; }
    /** Missing, in conflict, duplicates, amendments: what the clerk reads out after the bars. */
    public ObservableList<String> notes() { return notes; }
    /** The body's proposal opened, whose resolution, text hash and rules the count takes; null when counting without. */
    public ReadOnlyObjectProperty<Proposal> proposalProperty() { return proposal; }
    /** Whether a proposal is open: the resolution and text hash are then its own, not to be typed over. */
    public ReadOnlyBooleanProperty proposalOpenProperty() { return proposalOpen; }
    /** The proposal named in one line, as the clerk reads it to the body. */
    public ReadOnlyStringProperty proposalLineProperty() { return proposalLine; }

    /**
     * Opens a body's proposal to count against: taken only when it reads as a proposal and its signature holds
     * for this laptop's body key (the body counts what it issued) or a body enrolled here (a lower body gathering
     * its Communities' verdicts for a higher one); refused otherwise with the reason, and then
     * nothing in the form changes. Returns whether it was taken.
     */
    public boolean openProposal(Path file) {
        if (running.get()) {
            message.set(text.getString("combine.problem.running"));
            return false;
        }
        String name = String.valueOf(file.getFileName());
        Proposal p;
        byte[] bytes;
        try {
            bytes = InputFile.read(file, InputFile.Kind.PROPOSAL);
            // the signature first, as combine checks it: what a changed file now says is not read
            p = Proposal.envelope(bytes).signedBy(bodyKey.publicKey()) ? Proposal.parse(bytes) : null;
        } catch (InputFile.Refused e) {
            message.set(Words.format(text.getString("combine.problem.proposal"), name, e.reason()));
            return false;
        } catch (Proposal.Refused e) {
            message.set(Words.format(text.getString("combine.problem.proposal"), name, e.getMessage()));
            return false;
        }
        String signer = bodyKey.keyId();
        if (p == null) {
            // a higher body's proposal, gathered for it by a lower body: taken when that body's key is enrolled here
            // (the start screen's bodies, as a Community enrolls its Region's), as `combine --body-key` takes it
            try {
                org.folkmoot.proposal.Bodies.Checked checked = org.folkmoot.proposal.Bodies.load(org.folkmoot.files.DataFolder.path())
                        .check(bytes, List.of());
                p = checked.proposal();
                signer = checked.signedBy();
            } catch (Proposal.Refused e) {
                message.set(Words.format(text.getString("combine.problem.proposal.key"), name, bodyKey.keyId()));
                return false;
            }
        }
        closeCount();
        counted.set(false);
        proposal.set(p);
        proposalSigner = signer;
        proposalOpen.set(true);
        resolution.set(p.resolution());
        textSha256.set(p.textSha256());
        proposalLine.set(Words.format(text.getString("combine.proposal.line"), p.resolution(), p.title(), BodyWords.named(p.body(), text), p.reportBy(),
                p.fingerprint()));
        message.set("");
        return true;
    }

    /** Back to counting by a typed resolution and text hash: the proposal's are cleared with it. */
    public void clearProposal() {
        if (running.get()) {
            message.set(text.getString("combine.problem.running"));
            return;
        }
        if (proposal.get() == null) return;
        closeCount();
        counted.set(false);
        proposal.set(null);
        proposalOpen.set(false);
        proposalLine.set("");
        resolution.set("");
        textSha256.set("");
        message.set("");
    }

    /**
     * Fills the text's SHA-256 from a file holding the resolution's text (UTF-8), less one final line break as
     * every proposal and verdict takes it (docs/decisions/0013-proposals.md).
     */
    public void hashTextOf(Path file) {
        if (proposal.get() != null) return; // the proposal's text hash is locked; its button is disabled
        try {
            // the one reader: a FIFO or a device chosen in the dialog is refused, not waited on or read for ever
            byte[] bytes = InputFile.read(file, InputFile.Kind.VERDICT.maxBytes(), "a resolution's text");
            textSha256.set(Meeting.textSha256(Proposal.textOf(bytes)));
            message.set("");
        } catch (IOException | Proposal.Refused | RuntimeException e) {
            message.set(Words.format(text.getString("combine.problem.text"), file.getFileName()));
        }
    }

    public void addInput(Path path) {
        String now = inputs.get() == null ? "" : inputs.get().strip();
        inputs.set(now.isEmpty() ? path.toString() : now + "\n" + path);
    }

    /** Starts the count off the UI thread; returns the task (tests wait on it), or null when the form is refused. */
    public Task<Combination.Summary> count() {
        String problem = problem();
        if (problem != null) {
            message.set(problem);
            return null;
        }
        closeCount();
        Proposal open = proposal.get();
        String id = open == null ? resolution.get().strip() : open.resolution();
        String sha = open == null ? textSha256.get().strip().toLowerCase(java.util.Locale.ROOT) : open.textSha256();
        BodyRules rules = open == null ? BodyRules.defaults() : open.rules();
        List<Path> paths = paths();
        Task<Combination.Summary> task = new Task<>() {
            @Override
            protected Combination.Summary call() throws Exception {
                long total = 0;
                for (Path p : paths) {
                    if (Files.isDirectory(p)) {
                        try (Stream<Path> walk = Files.walk(p)) {
                            total += walk.filter(Files::isRegularFile).count();
                        }
                    } else {
                        total++;
                    }
                }
                long all = Math.max(total, 1);
                Combination c = new Combination(readRoster, rules, id, sha, work,
                        (files, verdicts, countedSoFar, refusedSoFar) -> {
                            updateProgress(Math.min(files, all), all);
                            updateMessage(Words.format(text.getString("combine.progress"), files, all, countedSoFar, refusedSoFar));
                        });
                if (open != null) c.against(open.against(ownProposal(open)));
                try {
                    c.read(paths, Runtime.getRuntime().availableProcessors());
                } catch (RuntimeException e) {
                    c.close();
                    throw e;
                }
                combination = c;
                return c.summary();
            }
        };
        progress.bind(task.progressProperty());
        progressLine.bind(task.messageProperty());
        running.set(true);
        counted.set(false);
        message.set("");
        task.setOnSucceeded(e -> {
            done();
            countedAgainst = open;
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            message.set(Words.format(text.getString("combine.problem.count"), task.getException().getMessage()));
        });
        return inBackground(task);
    }

    private void done() {
        progress.unbind();
        progressLine.unbind();
        running.set(false);
    }

    /** Why the form cannot be counted yet, in the clerk's language; null when it can. */
    private String problem() {
        if (running.get()) return text.getString("combine.problem.running");
        if (roster.get() == null || roster.get().isBlank()) return text.getString("combine.problem.roster");
        try {
            readRoster = Roster.read(Path.of(roster.get().strip()), List.of(bodyKey.publicKey()));
        } catch (SignedFile.Refused e) {
            return Words.format(text.getString("combine.problem.roster.read"), e.getMessage());
        } catch (InvalidPathException e) {
            return text.getString("combine.problem.roster");
        }
        if (readRoster.body() == null) return text.getString("combine.problem.roster.body");
        Proposal p = proposal.get();
        if (p != null) {
            // the body counts against its own roster (another version of it is used, and the notes say so), or a lower
            // body gathers its Communities' verdicts on a higher body's proposal, for that body to count again
            if (!ownProposal(p) && !p.fromAbove(readRoster.body().level())) {
                return Words.format(text.getString("combine.problem.proposal.roster"), BodyWords.named(readRoster.body(), text),
                        BodyWords.named(p.body(), text));
            }
            // one body, one key, as combine checks: its roster signed by the proposal's key, a lower body's by another
            String signedBy = readRoster.signedBy();
            if (signedBy != null && ownProposal(p) && !signedBy.equals(proposalSigner)) {
                return Words.format(text.getString("combine.problem.proposal.roster-key"), BodyWords.named(readRoster.body(), text),
                        signedBy, BodyWords.named(p.body(), text), proposalSigner);
            }
            if (signedBy != null && !ownProposal(p) && signedBy.equals(proposalSigner)) {
                return Words.format(text.getString("combine.problem.proposal.roster-key.lower"), BodyWords.named(readRoster.body(), text),
                        signedBy, BodyWords.named(p.body(), text));
            }
        }
        try {
            readRoster = org.folkmoot.verdict.RosterHistory.here().take(readRoster); // remembered only once it is the count's
        } catch (SignedFile.Refused e) {
            return Words.format(text.getString("combine.problem.roster.read"), e.getMessage());
        }
        if (p != null) return inputsProblem();
        if (resolution.get() == null || resolution.get().isBlank()) return text.getString("combine.problem.resolution");
        if (textSha256.get() == null || !textSha256.get().strip().matches("[0-9a-fA-F]{64}")) return text.getString("combine.problem.sha");
        return inputsProblem();
    }

    private String inputsProblem() {
        List<Path> paths = paths();
        if (paths.isEmpty()) return text.getString("combine.problem.inputs");
        for (Path p : paths) {
            if (!Files.exists(p)) return Words.format(text.getString("combine.problem.missing"), p);
            if (!Files.isDirectory(p) && !Files.isRegularFile(p)) return Words.format(text.getString("combine.problem.not-a-file"), p);
        }
        return null;
    }

    private List<Path> paths() {
        List<Path> out = new ArrayList<>();
        for (String line : (inputs.get() == null ? "" : inputs.get()).split("\\R")) {
            if (line.isBlank()) continue;
            try {
                out.add(Path.of(line.strip()));
            } catch (InvalidPathException e) {
                out.add(Path.of("?" + line.strip().replaceAll("[^\\w.-]", "_")));
            }
        }
        return out;
    }

    private void show(Combination.Summary s) {
        summary = s;
        long reporting = Math.max(s.reporting(), 1);
        String[][] kinds = {{"PASSED", "combine.bar.passed"}, {"PASSED_WITH_AMENDMENTS", "combine.bar.amended"},
            {"NOT_PASSED", "combine.bar.not-passed"}, {"TABLED", "combine.bar.tabled"}, {"DISMISSED", "combine.bar.dismissed"},
            {"WITHDRAWN", "combine.bar.withdrawn"}};
        bars.clear();
        for (String[] k : kinds) {
            long n = s.count(Combination.Kind.valueOf(k[0]));
            bars.add(new Bar(text.getString(k[1]), n, (double) n / reporting,
                    s.reporting() == 0 ? "" : org.folkmoot.combine.SummaryText.percent(n, s.reporting())));
        }
        String quorum = Words.format(text.getString(s.rules().quorate(s.reporting(), s.roster().size()) ? "combine.quorum.met"
                : "combine.quorum.not-met"), s.reporting(), s.roster().size(), s.rules().reportingQuorum());
        outcome.set(switch (s.outcome()) {
            case "passed" -> Words.format(text.getString("combine.outcome.passed." + s.route()), s.count(Combination.Kind.PASSED), s.reporting());
            case "not-passed" -> Words.format(text.getString("combine.outcome.not-passed"), s.count(Combination.Kind.PASSED), s.reporting());
            default -> text.getString("combine.outcome.incomplete");
        } + " — " + quorum);
        notes.clear();
        notes.add(Words.format(text.getString("combine.not-counted"), s.refused(), s.duplicates(), s.conflicts().size(), s.missing().size()));
        if (!s.superseded().isEmpty()) notes.add(Words.format(text.getString("combine.superseded"), s.superseded().size()));
        if (s.passedOver() > 0) notes.add(Words.format(text.getString("combine.passed-over"), s.passedOver()));
        if (!s.conflicts().isEmpty()) notes.add(Words.format(text.getString("combine.conflicts"), org.folkmoot.combine.SummaryText.names(s, s.conflicts(), 100)));
        if (!s.missing().isEmpty()) notes.add(Words.format(text.getString("combine.missing"), org.folkmoot.combine.SummaryText.names(s, s.missing(), 100)));
        for (Combination.AmendmentGroup g : s.amendmentGroups()) {
            notes.add(Words.format(text.getString("combine.amendment"), g.communities().size(), g.find(), g.replace()));
        }
        if (countedAgainst != null) notes.addAll(againstNotes(countedAgainst, s));
        refused.clear();
        try {
            for (Combination.Refusal r : combination.refusals()) {
                refused.add(r.file() + " — " + r.reason());
                if (refused.size() == 10_000) break; // the signed result lists them all
            }
        } catch (IOException e) {
            message.set(Words.format(text.getString("combine.problem.count"), e.getMessage()));
        }
        counted.set(true);
    }

    /** Whether {@code p} is the proposal of the body whose roster this count reads. */
    private boolean ownProposal(Proposal p) {
        return readRoster != null && readRoster.body() != null && p.body().level().equals(readRoster.body().level())
                && p.body().id().equals(readRoster.body().id());
    }

    /** What the clerk is told of a count made against proposal {@code p}. */
    private List<String> againstNotes(Proposal p, Combination.Summary s) {
        List<String> lines = new ArrayList<>();
        lines.add(Words.format(text.getString("combine.proposal.counted"), p.resolution(), p.fingerprint(), p.reportBy()));
        if (ownProposal(p) && s.roster().version() != p.rosterVersion()) {
            lines.add(Words.format(text.getString("combine.proposal.roster-version"), s.roster().version(), p.rosterVersion()));
        }
        lines.add(Words.format(text.getString("combine.proposal.timely"), p.reportBy(), s.onTime(), s.late().size(),
                s.late().isEmpty() ? "" : " — " + org.folkmoot.combine.SummaryText.late(s, 100)));
        return lines;
    }

    /** Writes the signed result off the UI thread; returns the task, or null when there is nothing to save yet. */
    public Task<TallyWriter.Written> save() {
        if (summary == null || combination == null || running.get()) {
            message.set(text.getString("combine.problem.nothing"));
            return null;
        }
        if (target.get() == null || target.get().isBlank()) {
            message.set(text.getString("combine.problem.target"));
            return null;
        }
        Path out = Path.of(target.get().strip());
        Combination c = combination;
        Combination.Summary s = summary;
        Task<TallyWriter.Written> task = new Task<>() {
            @Override
            protected TallyWriter.Written call() throws Exception {
                return TallyWriter.write(out, c, s, readRoster.body(), bodyKey);
            }
        };
        running.set(true);
        task.setOnSucceeded(e -> {
            running.set(false);
            message.set(Words.format(text.getString("combine.saved"), out, task.getValue().fingerprint(), bodyKey.keyId()));
        });
        task.setOnFailed(e -> {
            running.set(false);
            message.set(Words.format(text.getString("combine.problem.save"), task.getException().getMessage()));
        });
        return inBackground(task);
    }

    /** Runs {@code task} on the app's executor (its threads are daemons: closing the window does not wait for them). */
    private <T extends javafx.concurrent.Task<?>> T inBackground(T task) {
        background.execute(task);
        return task;
    }

    /** Lets go of the last count's spool files. */
    public void closeCount() {
        if (combination != null) {
            Combination c = combination;
            combination = null;
            summary = null;
            if (Platform.isFxApplicationThread()) c.close(); else Platform.runLater(c::close);
        }
    }
}
