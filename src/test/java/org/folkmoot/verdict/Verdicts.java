package org.folkmoot.verdict;

import org.folkmoot.files.DataFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.cli.FolkmootCommand;

/** Real verdicts for tests: an example meeting replayed through the command line. */
final class Verdicts {
    static final byte[] SEED = DsseTest.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    private Verdicts() {
    }

    /** Replays {@code example} (under assets/meetings) into {@code out}; fails the test if it does not succeed. */
    static void replay(String example, Path out) {
        replayFile(Path.of("assets", "meetings", example), out);
    }

    static void replayFile(Path meeting, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(o, true), new PrintWriter(e, true),
                "replay", meeting.toString(), "--out", out.toString());
        if (status != 0) throw new AssertionError("replay of " + meeting + " failed: " + e);
    }

    /** A roster entry list with the data folder's key as {@code id}. */
    static Path roster(Path dir, String id, byte[] publicKey, String extra) throws IOException {
        Path roster = dir.resolve("roster-" + System.nanoTime() + ".json");
        Files.writeString(roster, "{\"format\":\"folkmoot-roster/1\",\"body\":{\"level\":\"municipality\",\"id\":\"m\",\"name\":\"M\"},"
                + "\"version\":1,\"communities\":[{\"id\":\"" + id + "\",\"name\":\"X\",\"members\":150,\"publicKey\":\""
                + Ed25519Keys.base64(publicKey) + "\"" + extra + "}]}");
        return roster;
    }

    static CommunityKey dataFolderKey() throws IOException {
        return CommunityKey.loadOrCreate(DataFolder.path());
    }
}
