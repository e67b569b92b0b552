package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 of issue 11: eight processes making the first key of a data folder at once made several key
 * pairs, and signed with keys that were replaced a moment later. Now one key is made, and every process
 * signs with it.
 */
class FirstKeyTest {
    private static final int PROCESSES = 8;

    @TempDir
    Path tmp;

    @RepeatedTest(3)
    void eightProcessesAskingForTheFirstKeyAtOnceAllGetTheOneKeyThatIsKept() throws Exception {
        Path folder = tmp.resolve("data");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xshare:auto", KeyChild.class.getName(), folder.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            children.add(child);
            outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)));
        }
        try {
            for (BufferedReader out : outputs) assertThat(out.readLine()).isEqualTo("ready");
            for (Process child : children) { // all at once: the first key is made while the others ask
                OutputStream in = child.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
            }
            List<String> publicKeys = new ArrayList<>();
            for (BufferedReader out : outputs) {
                String line = out.readLine();
                assertThat(line).as("what a child said (null: it failed, see its error above)").isNotNull().startsWith("key ");
                String[] parts = line.split(" ");
                publicKeys.add(parts[1]);
                // signed with the key that stands, not one replaced meanwhile
                byte[] kept = CommunityKey.loadOrCreate(folder).publicKey();
                assertThat(Ed25519Keys.verify(kept, KeyChild.MESSAGE, Ed25519Keys.decodeBase64(parts[2]))).isTrue();
            }
            for (Process child : children) assertThat(child.waitFor(60, TimeUnit.SECONDS) && child.exitValue() == 0).isTrue();
            assertThat(publicKeys).hasSize(PROCESSES).containsOnly(Ed25519Keys.base64(CommunityKey.loadOrCreate(folder).publicKey()));
        } finally {
            for (Process child : children) child.destroyForcibly();
        }
        List<String> keyFiles;
        try (Stream<Path> files = Files.list(folder)) {
            keyFiles = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("community.key") && !n.endsWith(".lock")).toList();
        }
        assertThat(keyFiles).as("key files in the data folder").containsExactly("community.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("community.key")))).isEqualTo("rw-------");
    }
}
