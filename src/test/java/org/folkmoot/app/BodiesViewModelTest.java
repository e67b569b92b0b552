package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bodies section without a screen: a key file enrolled once confirmed, refusals that change nothing, a body removed. */
class BodiesViewModelTest {
    @TempDir
    Path tmp;

    static final Clock DAY = Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
    static final CommunityKey MILLBROOK = CommunityKey.fromSeed(seed(7));
    static final CommunityKey RIVER = CommunityKey.fromSeed(seed(9));

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    /** The key file Millbrook's clerk gives its Communities ({@code roster key --export}). */
    static Path millbrook(Path dir) throws Exception {
        return Files.write(dir.resolve("millbrook.key.json"), Bodies.keyFile(new Roster.Body("municipality", "M7", "Millbrook"), MILLBROOK));
    }

    /** A key file whose key is the identity point, of small order: a signature "by" it anyone can make. */
    static Path smallOrder(Path dir) throws Exception {
        byte[] identity = new byte[32];
        identity[0] = 1;
        return Files.writeString(dir.resolve("bad.key.json"), "{\"format\":\"folkmoot-body-key/1\",\"body\":{\"level\":\"municipality\","
                + "\"id\":\"M8\",\"name\":\"Badtown\"},\"publicKey\":\"" + Ed25519Keys.base64(identity) + "\"}\n");
    }

    private BodiesViewModel model(Path data) {
        return new BodiesViewModel(data, FolkmootApp.bundle(Locale.ENGLISH), DAY);
    }

    @Test
    void aKeyFileIsEnrolledOnceItsKeyIdIsConfirmedAndKeptInBodiesJson() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        assertThat(vm.bodies()).isEmpty();
        List<Bodies.Body> asked = new ArrayList<>();

        assertThat(vm.enroll(millbrook(tmp), b -> asked.add(b))).isTrue();

        assertThat(asked).singleElement().satisfies(b -> assertThat(b.keyId()).isEqualTo(MILLBROOK.keyId()));
        assertThat(vm.bodies()).singleElement().satisfies(b -> {
            assertThat(vm.name(b)).isEqualTo("Millbrook");
            assertThat(vm.level(b)).isEqualTo("Municipality");
            assertThat(vm.id(b)).isEqualTo("M7");
            assertThat(b.keyId()).isEqualTo(MILLBROOK.keyId());
            assertThat(b.enrolled()).isEqualTo(LocalDate.of(2026, 12, 1));
        });
        assertThat(vm.messageProperty().get()).isEqualTo("Enrolled Millbrook (Municipality M7), key " + MILLBROOK.keyId()
                + ": its proposals are taken from now on");
        assertThat(vm.problemProperty().get()).isFalse();
        // durable: the data folder's list holds it, as `folkmoot bodies show` reads it
        assertThat(Bodies.load(data).byKeyId(MILLBROOK.keyId())).isPresent();
        assertThat(model(data).bodies()).hasSize(1);
    }

    @Test
    void cancelEnrollsNothing() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        assertThat(vm.enroll(millbrook(tmp), b -> false)).isFalse();
        assertThat(vm.bodies()).isEmpty();
        assertThat(data.resolve(Bodies.FILE)).doesNotExist();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aSmallOrderKeyIsRefusedWithOneLineBeforeAnythingIsAskedOrWritten() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        vm.enroll(millbrook(tmp), b -> true);
        byte[] before = Files.readAllBytes(data.resolve(Bodies.FILE));

        assertThat(vm.enroll(smallOrder(tmp), b -> {
            throw new AssertionError("asked to confirm a key that is refused");
        })).isFalse();

        assertThat(vm.messageProperty().get()).isEqualTo("bad.key.json: not enrolled — the body's key is not a point of prime order "
                + "(a small-order key would let anyone sign for it)").doesNotContain("\n");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(Files.readAllBytes(data.resolve(Bodies.FILE))).isEqualTo(before);
        assertThat(vm.bodies()).hasSize(1);
    }

    @Test
    void aFileThatIsNotAKeyFileIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "bread, seeds\n");
        Path verdictLike = Files.writeString(tmp.resolve("v.json"), "{\"format\":\"folkmoot-verdict/1\"}\n");

        assertThat(vm.enroll(notes, b -> true)).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("notes.txt: not enrolled — ");
        assertThat(vm.enroll(verdictLike, b -> true)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("v.json: not enrolled — not a body's key file (folkmoot-body-key/1, "
                + "written by `folkmoot roster key --export`)");
        assertThat(vm.enroll(tmp, b -> true)).isFalse(); // a folder chosen
        assertThat(vm.messageProperty().get()).isEqualTo(tmp.getFileName() + ": not enrolled — not a regular file (a folder)");
        assertThat(data.resolve(Bodies.FILE)).doesNotExist();
    }

    @Test
    void aKeyEnrolledAlreadyIsSaidAndNotAskedAgain() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        vm.enroll(millbrook(tmp), b -> true);
        byte[] before = Files.readAllBytes(data.resolve(Bodies.FILE));
        assertThat(vm.enroll(millbrook(tmp), b -> {
            throw new AssertionError("asked again");
        })).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("millbrook.key.json: not enrolled — key " + MILLBROOK.keyId()
                + " is already enrolled, for Millbrook (Municipality M7)");
        assertThat(Files.readAllBytes(data.resolve(Bodies.FILE))).isEqualTo(before);
    }

    @Test
    void aBodyIsRemovedOnlyOnceConfirmed() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        vm.enroll(millbrook(tmp), b -> true);
        Path river = Files.write(tmp.resolve("river.key.json"), Bodies.keyFile(new Roster.Body("region", "R2", "River Valley"), RIVER));
        vm.enroll(river, b -> true);
        Bodies.Body first = vm.bodies().get(0);

        assertThat(vm.remove(first, b -> false)).isFalse();
        assertThat(Bodies.load(data).all()).hasSize(2);

        assertThat(vm.remove(first, b -> b.keyId().equals(MILLBROOK.keyId()))).isTrue();
        assertThat(vm.bodies()).extracting(Bodies.Body::keyId).containsExactly(RIVER.keyId());
        assertThat(Bodies.load(data).all()).extracting(Bodies.Body::keyId).containsExactly(RIVER.keyId());
        assertThat(vm.messageProperty().get()).isEqualTo("Removed Millbrook (Municipality M7), key " + MILLBROOK.keyId()
                + ": its proposals are no longer taken");
        assertThat(vm.level(vm.bodies().get(0))).isEqualTo("Region");
    }

    @Test
    void aKeyFileThatNamesNoBodyIsShownAsSuch() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = model(data);
        Path bare = Files.write(tmp.resolve("bare.key.json"), Bodies.keyFile(null, RIVER));
        assertThat(vm.enroll(bare, b -> true)).isTrue();
        Bodies.Body b = vm.bodies().get(0);
        assertThat(vm.named(b)).isEqualTo("a body (its key file does not say which)");
        assertThat(vm.name(b)).isEqualTo("—");
        assertThat(vm.level(b)).isEqualTo("—");
    }

    @Test
    void aDamagedListIsSaidInOneLineAndNotOverwritten() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve(Bodies.FILE), "{\"format\":\"something else\"}\n");
        BodiesViewModel vm = model(data);
        assertThat(vm.messageProperty().get()).startsWith("The enrolled bodies cannot be read: ").doesNotContain("\n");
        assertThat(vm.enroll(millbrook(tmp), b -> true)).isFalse();
        assertThat(Files.readString(data.resolve(Bodies.FILE), StandardCharsets.UTF_8)).isEqualTo("{\"format\":\"something else\"}\n");
    }

    @Test
    void theLevelIsSaidInTheAppsLanguage() throws Exception {
        Path data = tmp.resolve("data");
        BodiesViewModel vm = new BodiesViewModel(data, FolkmootApp.bundle(Locale.forLanguageTag("es")), DAY);
        vm.enroll(millbrook(tmp), b -> true);
        assertThat(vm.named(vm.bodies().get(0))).isEqualTo("Millbrook (Municipio M7)");
    }
}
