package org.folkmoot.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.folkmoot.record.Replay;
import org.folkmoot.store.MeetingFile;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;

/**
 * A copy of the data folder that outlives the laptop: every meeting's record ({@code <file>.jsonl}, from
 * which {@code replay --db} makes the meeting file again, byte for byte the same record), the Community's
 * settings and its public key. The secret key only when asked for: whoever holds it can sign as the
 * Community.
 */
public final class Backup {
    /**
     * What was written, the meeting files that could not be read (each with why), and what loading the key
     * changed (an existing key file others could read is made owner-only), to tell the user.
     */
    public record Written(List<Path> records, List<String> unreadable, boolean secretKey, java.util.Optional<String> keyNotice) {
    }

    private Backup() {
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
        CommunityKey key = CommunityKey.loadOrCreate(data);
        org.folkmoot.files.OutputFile.writeDurably(target.resolve("community.public-key.txt"),
                (key.keyId() + "\n" + Ed25519Keys.base64(key.publicKey()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (withSecretKey) key.writeSecretKey(target.resolve("community.key")); // owner-only, as in the data folder
        org.folkmoot.Logs.of("backup").info(() -> "backed up " + records.size() + " meeting records" + (withSecretKey ? " and the secret key" : ""));
        return new Written(records, unreadable, withSecretKey, key.notice());
    }
}
