package org.folkmoot.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.folkmoot.files.InputFile;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.record.Replay;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;

/**
 * A copy of the data folder that outlives the laptop: every meeting's record ({@code <file>.jsonl}, from
 * which {@code replay --db} makes the meeting file again, byte for byte the same record), the Community's
 * settings, the bodies it enrolled ({@code bodies.json}) and the proposals it presented ({@code proposals/}),
 * each under the name it has in the data folder, and its public key. The secret key only when asked for:
 * whoever holds it can sign as the Community.
 */
public final class Backup {
    /**
     * What was written, the meeting files (and enrolled bodies, proposals) that could not be read (each with
     * why), and what loading the key changed (an existing key file others could read is made owner-only), to
     * tell the user.
     */
    public record Written(List<Path> records, List<String> unreadable, boolean secretKey, java.util.Optional<String> keyNotice) {
    }

    /** The folder of {@link org.folkmoot.proposal.ProposalShelf} in the data folder, and in the backup. */
    public static final String SHELF = "proposals";

    private Backup() {
    }

    /** The proposals kept on the data folder's shelf ({@code proposals/<payload SHA-256>.proposal}), in order. */
    public static List<Path> shelf(Path data) throws IOException {
        Path folder = data.resolve(SHELF);
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.proposal")).sorted().toList();
        }
    }

    public static Written write(Path data, Path target, boolean withSecretKey) throws IOException {
        Files.createDirectories(target);
        List<Path> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Path meetings = data.resolve("meetings");
        if (Files.isDirectory(meetings)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(meetings)) {
                files = list.filter(p -> p.toString().endsWith(".meeting")).sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                try (MeetingFile meeting = MeetingFile.open(file)) {
                    var stored = meeting.stored();
                    if (stored.isEmpty()) continue; // started, nothing recorded: nothing to keep
                    List<String> lines = new ArrayList<>();
                    lines.add(stored.get().headerLine());
                    lines.addAll(stored.get().lines());
                    Path out = target.resolve(name.substring(0, name.length() - ".meeting".length()) + ".jsonl");
                    org.folkmoot.files.OutputFile.writeDurably(out, Replay.recordBytes(lines));
                    records.add(out);
                } catch (StoreException e) {
                    unreadable.add(name + ": " + e.getMessage());
                }
            }
        }
        Path settings = data.resolve(CommunitySettings.FILE);
        if (Files.exists(settings)) org.folkmoot.files.OutputFile.writeDurably(target.resolve(CommunitySettings.FILE), Files.readAllBytes(settings));
        // a laptop restored from the copy still trusts the bodies enrolled in person, and finds who sent what it presented
        if (Files.exists(data.resolve(Bodies.FILE), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            copy(data, Path.of(Bodies.FILE), InputFile.Kind.SETTINGS, target, unreadable);
        }
        for (Path file : shelf(data)) copy(data, data.relativize(file), InputFile.Kind.PROPOSAL, target, unreadable);
        CommunityKey key = CommunityKey.loadOrCreate(data);
        org.folkmoot.files.OutputFile.writeDurably(target.resolve("community.public-key.txt"),
                (key.keyId() + "\n" + Ed25519Keys.base64(key.publicKey()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (withSecretKey) key.writeSecretKey(target.resolve("community.key")); // owner-only, as in the data folder
        org.folkmoot.files.Logs.of("backup").info(() -> "backed up " + records.size() + " meeting records" + (withSecretKey ? " and the secret key" : ""));
        return new Written(records, unreadable, withSecretKey, key.notice());
    }

    /** Copies {@code name} from the data folder to the same name in {@code target}, or says why it could not be read. */
    private static void copy(Path data, Path name, InputFile.Kind kind, Path target, List<String> unreadable) throws IOException {
        byte[] bytes;
        try {
            bytes = InputFile.read(data.resolve(name), kind);
        } catch (InputFile.Refused e) {
            unreadable.add(name + ": " + e.reason());
            return;
        }
        org.folkmoot.files.OutputFile.writeDurably(target.resolve(name.toString()), bytes);
    }
}
