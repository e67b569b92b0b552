package org.folkmoot.app.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.folkmoot.app.hall.BodyWords;
import org.folkmoot.app.hall.Hall;
import org.folkmoot.files.InputFile;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;

/**
 * A body's proposal on the console: its file read and checked against the bodies enrolled on this laptop, the
 * fields it fixes in the present form, and the proposals kept here, found again by their hash.
 */
final class ProposalForm {

    /** Why a proposal's file is not taken, in the console's words. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    /** This laptop's data folder: the bodies enrolled, the proposals kept. */
    private final Path dataFolder;
    private final ResourceBundle text;
    /** The room's words and the proposals kept, shared with the projector. */
    private final Hall hall;

    ProposalForm(Path dataFolder, ResourceBundle text, Hall hall) {
        this.dataFolder = dataFolder;
        this.text = text;
        this.hall = hall;
    }

    /**
     * The proposal in {@code file}, its signature checked for an enrolled body.
     *
     * @throws Refused a file that is not a proposal, whose signature does not hold, or that cannot be read
     */
    Bodies.Checked open(Path file) throws Refused {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            byte[] bytes = InputFile.read(file, InputFile.Kind.PROPOSAL);
            return Bodies.load(dataFolder).check(bytes, List.of());
        } catch (InputFile.Refused e) {
            throw new Refused(Words.format(text.getString("console.proposal.refused"), name, e.reason()));
        } catch (Proposal.Refused e) {
            throw new Refused(Words.format(text.getString("console.proposal.refused"), name, e.getMessage()));
        }
    }

    /** Where the proposals presented are kept. */
    private ProposalShelf shelf() {
        return new ProposalShelf(dataFolder);
    }

    /** A present refused changes nothing: the proposal kept for it alone is taken back. Returns {@code why}. */
    private static String unkept(ProposalShelf shelf, Proposal from, boolean wrote, String why) {
        if (!wrote) return why;
        try {
            shelf.unkeep(from);
        } catch (java.io.IOException e) {
            // the copy left is the proposal unchanged, named by its own hash: harmless, and the refusal is what matters
        }
        return why;
    }

    /** The fields a proposal fixes, by key, with its values: all but the Community's own resolution id. */
    static Map<String, String> fixedBy(Proposal p) {
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        fixed.put("title", p.title());
        fixed.put("text", p.text());
        // the format wants a proposer: a proposal that names none was put by its body
        fixed.put("proposer", p.proposer() == null || p.proposer().isBlank() ? p.from() : p.proposer()); // the record's words: English
        fixed.put("upstream.level", p.body().level());
        fixed.put("upstream.body", p.body().id());
        fixed.put("upstream.resolution", p.resolution());
        fixed.put("upstream.textSha256", p.textSha256());
        fixed.put("upstream.proposalSha256", p.payloadSha256());
        return fixed;
    }

    /**
     * Fills the present form from {@code p}, what it fixes locked; only the Community's own resolution id stays open.
     *
     * @return the line that says where the proposal comes from
     */
    String fill(Proposal p, java.util.function.Function<String, Optional<ConsoleViewModel.FieldModel>> field) {
        field.apply("resolution").ifPresent(f -> f.valueProperty().set(p.resolution()));
        fixedBy(p).forEach((key, value) -> field.apply(key).ifPresent(f -> f.lock(value)));
        return Words.format(text.getString("console.proposal.source"), BodyWords.named(p.body(), text), p.resolution(), hall.day(p.reportBy()),
                p.fingerprint());
    }

    /**
     * Takes {@code action} into the session, the file of the proposal it presents ({@code from}, or null) kept
     * first: the record names the proposal by its hash alone. A refusal changes nothing: the proposal kept for
     * it alone is taken back.
     *
     * @return null when the action was recorded, else why not, in the console's words
     */
    String take(MeetingSession session, Action action, Proposal from, java.util.function.Function<Object, String> say) {
        ProposalShelf shelf = shelf();
        boolean wrote = false;
        if (from != null) {
            try {
                wrote = shelf.keep(from);
            } catch (java.io.IOException e) {
                return Words.format(text.getString("console.proposal.not-kept"), e.getMessage());
            }
        }
        try {
            Optional<Refusal> refusal = session.take(action);
            if (refusal.isPresent()) return unkept(shelf, from, wrote, say.apply(refusal.get().why()));
        } catch (StoreException e) {
            return unkept(shelf, from, wrote, e.reason(hall.locale())); // the meeting file's words, in the room's language
        }
        if (from != null) hall.kept(from);
        return null;
    }
}
