package org.folkmoot.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.folkmoot.procedure.Community;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Json;
import org.folkmoot.session.ClosingPapers;

/** The Community this laptop serves, kept as {@code community.json} in the data folder. */
public final class CommunitySettings {
    static final String FILE = "community.json";

    private CommunitySettings() {
    }

    public static Optional<Community> load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) return Optional.empty();
        try {
            ObjectNode n = Json.object(Files.readString(file, StandardCharsets.UTF_8).strip());
            String id = n.path("id").asText("");
            long members = n.path("members").asLong(0);
            if (id.isBlank() || members < 1) return Optional.empty();
            return Optional.of(new Community(id, n.path("name").asText(id), members));
        } catch (IOException | FormatException e) {
            return Optional.empty();
        }
    }

    public static void save(Path folder, Community c) throws IOException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", c.id()).put("name", c.name()).put("members", c.members());
        ClosingPapers.writeDurably(folder.resolve(FILE), (Json.compact(n) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
