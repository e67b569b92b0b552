package org.folkmoot.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TrainingViewModelTest {
    private final ResourceBundle text = ResourceBundle.getBundle("org.folkmoot.app.messages", Locale.ENGLISH);

    private static TrainingViewModel.Examples examples(List<String> names, String lines) {
        return new TrainingViewModel.Examples() {
            @Override
            public List<String> names() throws IOException {
                if (names == null) throw new IOException("no index");
                return names;
            }

            @Override
            public byte[] read(String name) {
                return lines.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    @Test
    void examplesThatCannotBeListedShowNone() {
        assertThat(new TrainingViewModel(text, examples(null, "")).names()).isEmpty();
        assertThat(new TrainingViewModel(text, examples(List.of("a.meeting"), "")).names()).containsExactly("a.meeting");
    }

    @Test
    void anUnreadableExampleSaysWhyUnderItsName() {
        String shown = new TrainingViewModel(text, examples(List.of("bad.meeting"), "not a meeting\n")).replay("bad.meeting");
        assertThat(shown).startsWith("bad.meeting\n\n").isNotEqualTo("bad.meeting\n\n")
                .doesNotContain("Exception");
    }
}
