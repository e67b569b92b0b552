package org.folkmoot.proposal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;

/**
 * The proposals this laptop presented, kept unchanged in the data folder ({@code proposals/<payload
 * SHA-256>.proposal}). The record names a proposal only by its hash ({@code upstream.proposalSha256}, all
 * the meeting format allows); the projector and the minutes find here who sent it and by when it wants the
 * verdict. A replay elsewhere, without the file, still names the body, its resolution and the fingerprint.
 */
public final class ProposalShelf {
    private final Path folder;

    public ProposalShelf(Path dataFolder) {
        this.folder = dataFolder.resolve("proposals");
    }

    /**
     * Keeps {@code p} (durably, before the meeting records it); a proposal kept already is left as it is, and
     * whatever else holds its name (a damaged copy, another file, a link) is replaced by it.
     *
     * @return whether this call wrote the file (false: it was kept already)
     */
    public boolean keep(Proposal p) throws IOException {
        if (find(p.payloadSha256()).isPresent()) return false;
        OutputFile.writeDurably(file(p), p.file());
        return true;
    }

    /** Takes back a proposal {@link #keep} just wrote, when the entry that was to name it was refused. */
    public void unkeep(Proposal p) throws IOException {
        Files.deleteIfExists(file(p));
    }

    private Path file(Proposal p) {
        return folder.resolve(p.payloadSha256() + ".proposal");
    }

    /** The proposal whose payload SHA-256 is {@code sha256}, if this laptop kept it and it still reads as that one. */
    public Optional<Proposal> find(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) return Optional.empty();
        Path file = folder.resolve(sha256 + ".proposal");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            Proposal p = Proposal.parse(InputFile.read(file, InputFile.Kind.PROPOSAL));
            return p.payloadSha256().equals(sha256) ? Optional.of(p) : Optional.empty();
        } catch (InputFile.Refused | Proposal.Refused e) {
            return Optional.empty(); // a damaged copy says nothing: the record's hash still names it
        }
    }
}
