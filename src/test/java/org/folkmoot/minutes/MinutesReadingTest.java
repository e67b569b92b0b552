package org.folkmoot.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.folkmoot.cli.FolkmootCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minutes as a secretary with a printer reads them: times on the hall's clock with the zone named, a rejected
 * amendment worded as rejected, "sustained" explained, every font in the file, no heading left at a page's foot.
 * The bakery's meeting (assets/meetings): an amendment adopted and one rejected in each round.
 */
class MinutesReadingTest {
    @TempDir
    Path tmp;

    private String zoneBefore;

    @BeforeEach
    void keepZone() {
        zoneBefore = System.getProperty(Minutes.ZONE_PROPERTY);
    }

    @AfterEach
    void restoreZone() {
        if (zoneBefore == null) System.clearProperty(Minutes.ZONE_PROPERTY); else System.setProperty(Minutes.ZONE_PROPERTY, zoneBefore);
    }

    private static List<String> bakery() throws Exception {
        return Files.readAllLines(Path.of("assets/meetings/bakery.jsonl"), StandardCharsets.UTF_8);
    }

    /** The minutes {@code replay} prints of {@code lines}. */
    private byte[] minutes(String name, List<String> lines) throws Exception {
        Path script = tmp.resolve(name + ".jsonl");
        Files.write(script, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve(name);
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "replay", script.toString(), "--out", out.toString());
        assertThat(status).as(err.toString()).isZero();
        return Files.readAllBytes(out.resolve("minutes.pdf"));
    }

    private static String text(byte[] pdf) throws Exception {
        return String.join(" ", BookMinutesTest.pages(pdf));
    }

    @Test
    void timesAreTheHallsClockWithTheZoneNamed() throws Exception {
        // the bakery met 18:00 to 19:06 UTC on 28 November
        System.setProperty(Minutes.ZONE_PROPERTY, "America/New_York");
        String newYork = text(minutes("ny", bakery()));
        assertThat(newYork).contains("opened 13:00, closed 14:06, 28 November 2026 (America/New_York time)")
                .doesNotContain("T18:00").doesNotContain("00Z");

        // the same instants past midnight: each time with its own day
        System.setProperty(Minutes.ZONE_PROPERTY, "Asia/Kolkata");
        assertThat(text(minutes("kolkata", bakery())))
                .contains("opened 23:30 on 28 November 2026, closed 00:36 on 29 November 2026 (Asia/Kolkata time)");

        // a zone that is none: the laptop's, named, and the print goes on
        System.setProperty(Minutes.ZONE_PROPERTY, "Atlantis/Capital");
        assertThat(text(minutes("nowhere", bakery())))
                .contains("(" + java.time.ZoneId.systemDefault().getId() + " time)");
    }

    @Test
    void aRejectedAmendmentReadsAsRejectedAndAnAdoptedOneAsAdopted() throws Exception {
        String minutes = text(minutes("bakery", bakery()));
        assertThat(minutes).contains("Adopted: amendment A1 from Hours (entry 12) 90 for, 30 against, 10 abstaining (entry 13)")
                .contains("Rejected: amendment A2 from Staffing (entry 16) 55 for, 65 against, 10 abstaining (entry 17)")
                .contains("Rejected: amendment A3 from Flour").contains("Adopted: amendment A4 from Flour");
        // a rejected one's words are what was proposed, not a change made
        assertThat(minutes).contains("more than 1/2 needed; the text was left as it was. proposed: “run by volunteers.”")
                .contains("more than 1/2 needed; the text was changed. Bread is baked every morning.");
    }

    @Test
    void sustainedIsExplainedWhereItIsPrinted() throws Exception {
        String minutes = text(minutes("bakery", bakery()));
        // A1 (Hours) adopted, A2 (Staffing) rejected; round 2: A3 rejected, A4 adopted, both Flour's
        assertThat(minutes).contains("Hours 9 Pia (pleaded)").contains("no — A1 adopted")
                .contains("yes — none of its amendments adopted").contains("no — A4 adopted");
        String means = ResolutionMinutes.SUSTAINED_MEANS.replaceAll("\\s+", " ");
        assertThat(minutes.split(Pattern.quote(means), -1)).as("explained under each round").hasSize(3);
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        PdfReader reader = new PdfReader(minutes("bakery", bakery()));
        try {
            List<String> fonts = new ArrayList<>();
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o = PdfReader.getPdfObjectRelease(reader.getPdfObject(i));
                if (!(o instanceof PdfDictionary d) || !PdfName.FONT.equals(d.get(PdfName.TYPE))) continue;
                // a composite font's glyphs are in its descendant, itself a font dictionary checked here
                if (PdfName.TYPE0.equals(d.get(PdfName.SUBTYPE))) continue;
                String name = String.valueOf(d.get(PdfName.BASEFONT));
                fonts.add(name);
                PdfDictionary descriptor = d.getAsDict(PdfName.FONTDESCRIPTOR);
                assertThat(descriptor).as(name + " has no font descriptor: it is not embedded").isNotNull();
                assertThat(descriptor.contains(PdfName.FONTFILE) || descriptor.contains(PdfName.FONTFILE2)
                        || descriptor.contains(PdfName.FONTFILE3)).as(name + " is embedded").isTrue();
            }
            assertThat(fonts).isNotEmpty();
        } finally {
            reader.close();
        }
    }

    /** Each heading with the end of its table's header row and its first row, as the page's text reads them. */
    private static final String[][] HEADINGS = {
            {"Temperature check 1", "Against the threshold 9/10 6 100 25 5 130"},
            {"Round 1 — non-deal-breakers", "Agreement Sustained Hours 9 Pia"},
            {"Temperature check 2", "Against the threshold 9/10 19 110 15 5 130"},
            {"Round 2 — deal-breakers", "Agreement Sustained Flour 10 Rui"},
            {"The final vote", "Against the threshold 2/3 28 105 20 5 130"},
            {"Contention vote", "Against the threshold 1/2 29 90 35 5 130"},
            {"Delegates and their mandates", "Election Standing Pia Open the bakery"},
            {"Verdicts issued at the close of this meeting", "Fingerprint Supersedes B-1"},
    };

    @Test
    void aHeadingIsNeverLeftAloneAtAPageFoot() throws Exception {
        // the resolution's text grows a clause at a time, moving every heading after it down the pages
        java.util.Map<String, java.util.Set<Integer>> pagesOf = new java.util.HashMap<>();
        for (int clauses = 0; clauses <= 40; clauses++) {
            List<String> lines = new ArrayList<>(bakery());
            StringBuilder more = new StringBuilder();
            for (int c = 1; c <= clauses; c++) more.append(" The bakery keeps clause ").append(c).append(", as the members wrote it.");
            lines.set(2, lines.get(2).replace("The bakery is run by volunteers.", "The bakery is run by volunteers." + more));
            // and the first category's statement runs to many lines: a table's first row taller than a few lines of text
            lines.set(8, lines.get(8).replace("Baking every morning is too much for volunteers.",
                    "Baking every morning is too much for volunteers. ".repeat(6)));
            List<String> pages = BookMinutesTest.pages(minutes("grown-" + clauses, lines));
            for (String[] heading : HEADINGS) {
                int page = pageOf(pages, heading[0] + " ");
                assertThat(page).as(heading[0] + " with " + clauses + " clauses").isPositive();
                // the page's text holds its tables after its paragraphs: the heading, then somewhere the table's head
                assertThat(pages.get(page - 1)).as("page %d with %d clauses: %s", page, clauses, heading[0])
                        .contains(heading[1]);
                pagesOf.computeIfAbsent(heading[0], h -> new java.util.TreeSet<>()).add(page);
            }
        }
        // the clauses did move the headings across a page's foot: the first from page 1 to 2, and others
        assertThat(pagesOf.get("Temperature check 1")).as(pagesOf.toString()).contains(1, 2);
        assertThat(pagesOf.values().stream().filter(p -> p.size() > 1).count()).as(pagesOf.toString()).isGreaterThanOrEqualTo(3);
    }

    private static int pageOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(text)) return i + 1;
        return 0;
    }
}
