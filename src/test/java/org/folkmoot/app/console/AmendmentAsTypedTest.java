package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.app.hall.TrackedChange.Mark;
import org.folkmoot.app.hall.TrackedChange.Run;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: an amendment shows to the room as a tracked change while it is written, not only once recorded. */
class AmendmentAsTypedTest {
    @TempDir
    Path tmp;

    @Test
    void theRoomSeesTheAmendmentAsItIsTypedAndTheTextAsItStandsWhenTheFormIsLeft() throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        try (MeetingSession session = MeetingSession.create(tmp.resolve("m.meeting"), HeaderCodec.read(Json.object(script.get(0))),
                Clock.systemUTC())) {
            ConsoleViewModel vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), tmp);
            ProjectorViewModel projector = new ProjectorViewModel(session, vm.hall(), CommunityKey.fromSeed(new byte[32]));
            for (String line : script.subList(1, script.size())) {
                if (line.startsWith("{\"do\":\"amend\"")) break;
                ConsoleViewModelTest.fill(vm, Json.object(line));
                assertThat(vm.record()).as(line).isTrue();
            }
            List<Run> before = List.copyOf(projector.text());
            assertThat(before).extracting(Run::mark).doesNotContain(Mark.STRUCK, Mark.PROPOSED);

            vm.selectedProperty().set(ActionKind.AMEND);
            vm.field("find").orElseThrow().valueProperty().set("every morning");
            vm.field("replace").orElseThrow().valueProperty().set("on weekday mornings");
            assertThat(projector.text()).contains(new Run("every morning", Mark.STRUCK), new Run("on weekday mornings", Mark.PROPOSED));
            // typed on: the room follows the keys
            vm.field("replace").orElseThrow().valueProperty().set("on weekdays");
            assertThat(projector.text()).contains(new Run("on weekdays", Mark.PROPOSED));

            vm.selectedProperty().set(ActionKind.NOTE);
            assertThat(projector.text()).as("the form left, nothing proposed is shown").isEqualTo(before);
        }
    }
}
