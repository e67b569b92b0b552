package org.folkmoot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project carries its own rulebook and formats (issue 15): the code, the README and the docs cite only
 * documents inside this repository, every {@code docs/…} page they name exists, and each section the code
 * cites by its heading is there. A user's clone is all there is; this test reads nothing outside it.
 */
class OwnDocumentsTest {
    /** Where a clone keeps what a reader is pointed to; target/ and .git are not the project's words. */
    private static final List<String> WALKED = List.of("src", "docs", "scripts", "assets", "packaging",
            "README.md", "BENCHMARKS.md", "pom.xml");

    /** The old rulebook's upper-case file names, and the folder beside the repository, where no clone has them. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "(?<!docs/)\\b(PROCEDURE|MEETING-FORMAT|VERDICT-FORMAT|ARCHITECTURE)\\.md|\\.\\./shared\\b");

    /** A page of docs/ named from the root: docs/procedure.md, docs/decisions/0006-files.md. */
    private static final Pattern DOCS_PAGE = Pattern.compile("\\bdocs/([A-Za-z0-9_./-]+?\\.md)\\b");

    /** A section cited by its heading: docs/procedure.md, "The Community Verdict" (or ("…"), or 's "…"). */
    private static final Pattern CITED_SECTION = Pattern.compile(
            "\\bdocs/(procedure|meeting-format|signed-files|architecture)\\.md(?:'s |, | \\()\"([^\"\\n]+)");

    /** A step of the ladder cited by number: docs/procedure.md, step 5 / steps 9–11. */
    private static final Pattern CITED_STEP = Pattern.compile("\\bdocs/procedure\\.md, steps? (\\d+)(?:[–-](\\d+))?");

    /** A relative link in a Markdown file: [text](target) or [text](target#anchor). */
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** The headings the code cites each page by, which must stay as they are. */
    private static final Map<String, List<String>> HEADINGS = Map.of(
            "procedure.md", List.of("Defaults", "The ladder (one resolution)",
                    "The Community's book: one record across meetings", "Corrections", "The Community Verdict",
                    "Combining verdicts at the Municipality, Region and Collective"),
            "meeting-format.md", List.of("Actions", "The command line"),
            "signed-files.md", List.of("One validity rule, everywhere", "Keys and fingerprints",
                    "The verdict payload (folkmoot-verdict/1)", "The roster (folkmoot-roster/1)",
                    "The body's result (folkmoot-tally/1)", "The proposal (folkmoot-proposal/1)",
                    "What a verifier refuses"),
            "architecture.md", List.of("The shape", "Examples worth copying", "Habits",
                    "Tests that hold the project up"));

    private static final int LADDER_STEPS = 11;

    private static Path root;
    private static Map<Path, List<String>> texts;

    @BeforeAll
    static void readTheProject() throws IOException {
        root = Path.of("").toAbsolutePath();
        texts = new LinkedHashMap<>();
        for (String walked : WALKED) {
            Path start = root.resolve(walked);
            if (!Files.exists(start)) continue;
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (isBinary(bytes)) continue; // screenshots, fonts, icons: no words to cite with
                    texts.put(file, new String(bytes, StandardCharsets.UTF_8).lines().toList());
                }
            }
        }
    }

    @Test
    void readsEnoughOfTheProjectToMeanSomething() {
        // a walk from the wrong folder would find nothing and pass every check below
        assertThat(texts.keySet().stream().filter(f -> f.startsWith(root.resolve("src/main/java"))).count())
                .as("Java sources found under %s", root).isGreaterThanOrEqualTo(100);
        assertThat(texts).hasSizeGreaterThanOrEqualTo(200);
        assertThat(texts).containsKeys(root.resolve("README.md"), root.resolve("pom.xml"));
    }

    @Test
    void citesNoDocumentOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        texts.forEach((file, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE.matcher(lines.get(i));
                while (m.find()) outside.add(where(file, i) + " cites " + m.group());
            }
        });
        assertThat(outside).as("citations of documents a clone does not have").isEmpty();
    }

    @Test
    void everyDocsPageNamedExists() {
        List<String> missing = new ArrayList<>();
        texts.forEach((file, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DOCS_PAGE.matcher(lines.get(i));
                while (m.find()) {
                    if (!Files.isRegularFile(root.resolve("docs").resolve(m.group(1)))) {
                        missing.add(where(file, i) + " names docs/" + m.group(1));
                    }
                }
            }
        });
        assertThat(missing).as("docs/ pages named that do not exist").isEmpty();
    }

    @Test
    void theFourPagesHoldTheHeadingsTheCodeCites() {
        HEADINGS.forEach((page, wanted) -> {
            List<String> headings = headings(root.resolve("docs").resolve(page));
            assertThat(headings).as("headings of docs/%s", page).containsAll(wanted);
        });
        List<String> ladder = section(root.resolve("docs/procedure.md"), "The ladder (one resolution)");
        for (int step = 1; step <= LADDER_STEPS; step++) {
            String start = step + ". **";
            assertThat(ladder).as("step %d of the ladder", step).anyMatch(line -> line.stripLeading().startsWith(start));
        }
    }

    @Test
    void everySectionAndStepCitedIsThere() {
        List<String> wrong = new ArrayList<>();
        texts.forEach((file, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CITED_SECTION.matcher(lines.get(i));
                while (m.find()) {
                    String cited = plain(m.group(2)).strip();
                    List<String> headings = headings(root.resolve("docs").resolve(m.group(1) + ".md"));
                    // a citation may break its line mid-heading, so what is on the line must begin one
                    if (headings.stream().noneMatch(h -> h.startsWith(cited))) {
                        wrong.add(where(file, i) + " cites \"" + cited + "\" of docs/" + m.group(1) + ".md");
                    }
                }
                Matcher s = CITED_STEP.matcher(lines.get(i));
                while (s.find()) {
                    int last = Integer.parseInt(s.group(2) != null ? s.group(2) : s.group(1));
                    if (last < 1 || last > LADDER_STEPS) wrong.add(where(file, i) + " cites " + s.group());
                }
            }
        });
        assertThat(wrong).as("sections and steps cited that the pages do not have").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheDocumentsLeadsSomewhere() {
        List<String> broken = new ArrayList<>();
        texts.forEach((file, lines) -> {
            if (!file.toString().endsWith(".md")) return;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MD_LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*") || target.startsWith("#")) continue; // the web, or this page
                    int hash = target.indexOf('#');
                    Path linked = file.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
                    if (!Files.exists(linked)) {
                        broken.add(where(file, i) + " links " + target);
                    } else if (hash >= 0 && linked.toString().endsWith(".md")
                            && headings(linked).stream().map(OwnDocumentsTest::anchor).noneMatch(target.substring(hash + 1)::equals)) {
                        broken.add(where(file, i) + " links " + target + ", a heading it does not have");
                    }
                }
            }
        });
        assertThat(broken).as("links to files or headings that are not there").isEmpty();
    }

    private static String where(Path file, int index) {
        return root.relativize(file) + ":" + (index + 1);
    }

    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return true;
        return false;
    }

    /** A page's headings, as a reader sees them (without the Markdown of `code`). */
    private static List<String> headings(Path page) {
        List<String> lines = texts.get(page);
        if (lines == null) return List.of();
        return lines.stream().filter(l -> l.startsWith("#")).map(l -> plain(l.replaceFirst("^#+\\s*", ""))).toList();
    }

    /** The lines under one heading, up to the next heading of the same or a higher level. */
    private static List<String> section(Path page, String heading) {
        List<String> lines = texts.getOrDefault(page, List.of());
        List<String> under = new ArrayList<>();
        int level = -1;
        for (String line : lines) {
            int hashes = line.startsWith("#") ? line.indexOf(' ') : -1;
            if (level < 0) {
                if (hashes > 0 && plain(line.substring(hashes + 1)).equals(heading)) level = hashes;
            } else if (hashes > 0 && hashes <= level) {
                break;
            } else {
                under.add(line);
            }
        }
        return under;
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "").replace("{@code ", "").replace("}", "");
    }

    /** The anchor a heading gets on GitHub: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
