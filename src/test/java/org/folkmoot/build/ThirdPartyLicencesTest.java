package org.folkmoot.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar's licences: the build unpacks every runtime library's licence and notice files into
 * META-INF/third-party/<library>/ (one folder per library, empty when it ships none), so a library added to
 * the pom shows up there; META-INF/THIRD-PARTY.txt must then name it with its licence, or the jar would
 * carry code whose licence nobody wrote down.
 */
class ThirdPartyLicencesTest {

    private static final Path CLASSES = Path.of("target", "classes", "META-INF");

    @Test
    void everyLibraryInTheJarIsNamedWithItsLicence() throws IOException {
        Set<String> libraries;
        try (Stream<Path> folders = Files.list(CLASSES.resolve("third-party"))) {
            libraries = folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .collect(Collectors.toSet());
        }
        Set<String> named = Files.readAllLines(CLASSES.resolve("THIRD-PARTY.txt"), StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\\s+", 2)[0])
                .collect(Collectors.toSet());

        // the libraries everything else stands on: if these are missing the unpacking itself stopped working
        assertThat(libraries).contains("picocli", "jackson-databind", "javafx-controls", "sqlite-jdbc");
        assertThat(named).as("libraries in META-INF/THIRD-PARTY.txt").containsAll(libraries);
    }

    @Test
    void theApacheLibrariesKeepTheirOwnLicenceAndNotice() {
        for (String library : List.of("jackson-databind", "pdfbox", "commons-logging")) {
            Path folder = CLASSES.resolve("third-party").resolve(library).resolve("META-INF");
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as(library)
                        .anyMatch(name -> name.startsWith("LICENSE"))
                        .anyMatch(name -> name.startsWith("NOTICE"));
            } catch (IOException e) {
                throw new AssertionError(library + ": no licence folder at " + folder, e);
            }
        }
    }

    @Test
    void theShadedJarDropsTheClashingFlatLicencesAndNotices() throws IOException {
        // a JUnit test runs before `package`, so it reads the shade configuration; the jar itself is checked by
        // packaging/check-licences.sh after a build
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom).contains("shade.resource.ApacheLicenseResourceTransformer",
                "<exclude>META-INF/NOTICE</exclude>", "<exclude>META-INF/NOTICE.txt</exclude>");
    }
}
