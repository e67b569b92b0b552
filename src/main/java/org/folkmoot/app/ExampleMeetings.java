package org.folkmoot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The example meetings shipped inside the program (from {@code assets/meetings}), listed by {@code index.txt}. */
final class ExampleMeetings {
    private static final String FOLDER = "/org/folkmoot/meetings/";

    private ExampleMeetings() {
    }

    static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : new String(read("index.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) names.add(line.strip());
        }
        return names;
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = ExampleMeetings.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IOException("the example " + name + " is not in this build");
            return in.readAllBytes();
        }
    }
}
