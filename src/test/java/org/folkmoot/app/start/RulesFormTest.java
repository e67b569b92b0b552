package org.folkmoot.app.start;

import org.folkmoot.session.CommunitySettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Community's rules as set up in the app: read, checked, kept with the Community. */
class RulesFormTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsUntilChangedAndChangesAreKept() throws Exception {
        assertThat(CommunitySettings.rules(tmp)).isEqualTo(Rules.defaults());
        RulesForm.Values v = new RulesForm.Values(Rules.defaults());
        v.consensus.set("4/5");
        v.basis.set("present");
        v.quorum.set("1/2");
        Rules changed = v.rules();
        assertThat(changed.consensus()).isEqualTo(new Fraction(4, 5));
        assertThat(changed.basis()).isEqualTo(Basis.PRESENT);
        assertThat(changed.quorum()).isEqualTo(new Fraction(1, 2));
        CommunitySettings.save(tmp, new Community("oak-4", "Oak 4", 150), changed);
        assertThat(CommunitySettings.rules(tmp)).isEqualTo(changed);
        assertThat(CommunitySettings.load(tmp).orElseThrow().members()).isEqualTo(150);
    }

    @Test
    void aRuleThatIsNotAShareIsNamedInTheRefusal() {
        RulesForm.Values v = new RulesForm.Values(Rules.defaults());
        v.finalVote.set("3/2");
        assertThatThrownBy(v::rules).hasMessageStartingWith("final: \"3/2\" is more than the whole");
        v.finalVote.set("2/3");
        v.quorum.set("half");
        assertThatThrownBy(v::rules).hasMessageStartingWith("quorum: \"half\" is not a fraction");
    }
}
