package org.folkmoot.session;

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

/** The Community this laptop serves and its rules, kept as {@code community.json} in the data folder. */
public final class CommunitySettings {
    public static final String FILE = "community.json";

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

    /** The Community's rules, or the rulebook's defaults when none were set. */
    public static org.folkmoot.procedure.Rules rules(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            ObjectNode n = Json.object(Files.readString(file, StandardCharsets.UTF_8).strip());
            return n.get("rules") instanceof ObjectNode r ? org.folkmoot.record.HeaderCodec.readRules(r)
                    : org.folkmoot.procedure.Rules.defaults();
        } catch (IOException | FormatException e) {
            return org.folkmoot.procedure.Rules.defaults();
        }
    }

    /**
     * The first Community to use this data folder's key becomes its Community (the key is "made on first
     * use"): {@code keys export} then needs no options. A Community already set up is left as it is.
     */
    public static void adoptIfNone(Path folder, Community c, org.folkmoot.procedure.Rules rules) throws IOException {
        if (!Files.exists(folder.resolve(FILE))) save(folder, c, rules);
    }

    public static void save(Path folder, Community c, org.folkmoot.procedure.Rules rules) throws IOException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", c.id()).put("name", c.name()).put("members", c.members());
        n.set("rules", org.folkmoot.record.HeaderCodec.writeRules(rules));
        org.folkmoot.files.OutputFile.writeDurably(folder.resolve(FILE), (Json.compact(n) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
