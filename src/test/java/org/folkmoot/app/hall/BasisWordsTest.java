package org.folkmoot.app.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.util.StringConverter;
import org.folkmoot.procedure.Basis;
import org.junit.jupiter.api.Test;

class BasisWordsTest {

    @Test
    void theSpanishScreenSaysTheBasisInSpanishAndKeepsTheRulesWord() {
        StringConverter<String> es = BasisWords.converter(ResourceBundle.getBundle("org.folkmoot.app.messages", new Locale("es")));
        assertThat(es.toString(Basis.CAST.word())).isEqualTo("emitidos");
        assertThat(es.toString(Basis.PRESENT.word())).isEqualTo("presentes");
        // what is kept is the word the meeting file and the command line read
        assertThat(es.fromString("presentes")).isEqualTo("present");
        assertThat(Basis.fromWord(es.fromString(es.toString("cast")))).isEqualTo(Basis.CAST);
    }

    @Test
    void theEnglishScreenSaysTheRulesOwnWords() {
        StringConverter<String> en = BasisWords.converter(ResourceBundle.getBundle("org.folkmoot.app.messages", Locale.ENGLISH));
        assertThat(en.toString("cast")).isEqualTo("cast");
        assertThat(en.toString("present")).isEqualTo("present");
        assertThat(en.toString(null)).isEmpty();
    }
}
