package org.folkmoot.app.training;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.Reason;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Words;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;

/**
 * The training tab's words: each example meeting replayed into what became of its resolutions. Holds no
 * nodes; the examples are read through {@code read} so a test can hand in its own.
 */
public final class TrainingViewModel {
    /** An example meeting's lines by its name. */
    public interface Examples {
        List<String> names() throws IOException;

        byte[] read(String name) throws IOException;
    }

    private final ResourceBundle text;
    private final Examples examples;

    public TrainingViewModel(ResourceBundle text, Examples examples) {
        this.text = text;
        this.examples = examples;
    }

    /** The example meetings, none when they cannot be read. */
    public List<String> names() {
        try {
            return examples.names();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The example's lines, for the rehearsal window. */
    public byte[] read(String name) throws IOException {
        return examples.read(name);
    }

    /** The example replayed: its resolutions' course, a refusal if one stopped it, and how many entries it replayed. */
    public String replay(String name) {
        try {
            Replay.Result r = Replay.run(examples.read(name), null, null, Clock.systemUTC());
            String lines = r.meeting().resolutions().stream().map(this::describe).collect(Collectors.joining("\n"));
            return name + "\n\n" + lines
                    + (r.refused() ? "\n\n" + Words.format(text.getString("training.refused"), r.refusal()) : "")
                    + "\n\n" + Words.format(text.getString("training.replayed"), r.record().size() - 1);
        } catch (IOException | FormatException e) {
            return name + "\n\n" + Words.format(text.getString("training.cannot"), e.getMessage());
        }
    }

    private String say(Object words) {
        return words instanceof Reason r ? r.text(text.getLocale()) : Reason.word(words, text.getLocale());
    }

    /** A resolution's course in a few lines: its outcome, votes, amendments, delegates and text. */
    private String describe(Resolution r) {
        StringBuilder s = new StringBuilder(Replay.outcomeLine(r)).append("\n  ").append(r.title()).append('\n');
        for (RecordedVote v : r.votes()) {
            s.append("  ").append(Words.format(text.getString("training.vote"), say(v.stage()), say(v.tally()), v.support(),
                    text.getString(v.reached() ? "training.reached" : "training.not-reached"))).append('\n');
        }
        for (Amendment a : r.amendments()) {
            s.append("  ").append(Words.format(text.getString("training.amendment"), a.id(), a.category(),
                    text.getString(a.voted() ? (a.adopted() ? "projector.adopted" : "projector.rejected") : "training.not-voted")))
                    .append('\n');
        }
        for (Delegate d : r.delegates()) {
            s.append("  ").append(Words.format(text.getString(d.elected() ? "training.elected" : "training.not-elected"), d.name()))
                    .append(d.recalled() ? text.getString("training.recalled") : "").append('\n');
        }
        return s.append("  ").append(Words.format(text.getString("training.text-now"), r.workingText())).append('\n').toString();
    }
}
