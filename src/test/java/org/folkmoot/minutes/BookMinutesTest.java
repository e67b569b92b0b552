package org.folkmoot.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Replay;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minutes of a book of two meetings: each meeting from a new page, each with the standing business it
 * began and ended with, and the verdicts issued at its own close.
 */
class BookMinutesTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"millbrook-2\",\"name\":\"Millbrook 2\","
            + "\"members\":150},\"meeting\":{\"date\":\"2026-11-28\",\"place\":\"Millbrook school hall\",\"facilitator\":\"Lena Park\","
            + "\"secretary\":\"Tariq Aziz\"}}";

    /** Meeting 1 (entries 1–6): R1 passes, Pia is elected, a note, adjourn. */
    static final List<String> FIRST = List.of(HEADER,
            "{\"do\":\"attendance\",\"present\":130,\"at\":\"2026-11-28T18:00:00Z\"}",
            "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"A Community bakery\",\"text\":\"The Community opens a bakery in the old mill.\","
                    + "\"proposer\":\"Lena Park\",\"at\":\"2026-11-28T18:02:00Z\"}",
            "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":120,\"against\":5,\"abstain\":5,\"at\":\"2026-11-28T18:10:00Z\"}",
            "{\"do\":\"elect\",\"name\":\"Pia\",\"mandate\":\"Open the bakery by spring.\",\"for\":100,\"against\":20,\"abstain\":10,"
                    + "\"at\":\"2026-11-28T18:20:00Z\"}",
            "{\"do\":\"note\",\"text\":\"The mill's owner will be asked for the keys.\",\"at\":\"2026-11-28T18:25:00Z\"}",
            "{\"do\":\"adjourn\",\"date\":\"2026-11-28\",\"at\":\"2026-11-28T19:00:00Z\"}");

    /** Meeting 2 (entries 7–16): a note between the meetings, a contention vote that keeps R1, Pia recalled, R2 passed. */
    static final List<String> SECOND = List.of(
            "{\"do\":\"note\",\"text\":\"Pia reports the oven is broken.\",\"at\":\"2026-12-01T10:00:00Z\"}",
            "{\"do\":\"meeting\",\"date\":\"2026-12-10\",\"place\":\"Millbrook library\",\"facilitator\":\"Omar Haddad\","
                    + "\"secretary\":\"Jonas Weiß\",\"at\":\"2026-12-10T18:00:00Z\"}",
            "{\"do\":\"attendance\",\"present\":120,\"at\":\"2026-12-10T18:01:00Z\"}",
            "{\"do\":\"vote\",\"stage\":\"contention\",\"resolution\":\"R1\",\"for\":90,\"against\":25,\"abstain\":5,\"at\":\"2026-12-10T18:05:00Z\"}",
            "{\"do\":\"recall\",\"name\":\"Pia\",\"resolution\":\"R1\",\"for\":70,\"against\":40,\"abstain\":10,\"at\":\"2026-12-10T18:10:00Z\"}",
            "{\"do\":\"correct\",\"entry\":4,\"with\":{\"do\":\"elect\",\"name\":\"Pia\",\"mandate\":\"Open the bakery by spring.\",\"for\":101,"
                    + "\"against\":19,\"abstain\":10},\"reason\":\"The tellers recounted the election.\",\"at\":\"2026-12-10T18:12:00Z\"}",
            "{\"do\":\"present\",\"resolution\":\"R2\",\"title\":\"A library garden\",\"text\":\"The Community plants a garden behind the library.\","
                    + "\"proposer\":\"Jonas Weiß\",\"at\":\"2026-12-10T18:15:00Z\"}",
            "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":110,\"against\":5,\"abstain\":5,\"at\":\"2026-12-10T18:20:00Z\"}",
            "{\"do\":\"elect\",\"name\":\"Quinn\",\"resolution\":\"R2\",\"mandate\":\"Dig the beds in March.\",\"for\":90,\"against\":20,"
                    + "\"abstain\":10,\"at\":\"2026-12-10T18:25:00Z\"}",
            "{\"do\":\"carry-forward\",\"resolution\":\"R2\",\"plan\":\"Quinn digs the beds in March.\",\"at\":\"2026-12-10T18:30:00Z\"}");

    static List<String> book() {
        List<String> all = new ArrayList<>(FIRST);
        all.addAll(SECOND);
        return all;
    }

    /** Replays {@code lines} into {@code name}/ and returns that folder. */
    private Path replay(String name, List<String> lines) throws Exception {
        Path script = tmp.resolve(name + ".jsonl");
        Files.write(script, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve(name);
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "replay", script.toString(), "--out", out.toString());
        assertThat(status).as(err.toString()).isZero();
        return out;
    }

    /** Each page's text, its white space made single spaces. */
    static List<String> pages(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page).replaceAll("\\s+", " ").strip());
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    private static String fingerprint(Path verdict) throws Exception {
        return Ed25519Keys.fingerprint(SignedFile.parse(Files.readAllBytes(verdict)).payload());
    }

    /** The text from {@code from} up to {@code to} (exclusive), which must both be there in that order. */
    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("'" + from + "' in: " + text).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        assertThat(end).as("'" + to + "' after '" + from + "' in: " + text).isNotNegative();
        return text.substring(start, end);
    }

    /** Meeting 1's pages and meeting 2's, split where meeting 2's minutes begin on a new page. */
    record Split(String first, String second) {
    }

    static Split split(List<String> pages) {
        int start = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("2026-12-10 · Millbrook library")) {
                start = i;
                break;
            }
        }
        assertThat(start).as("meeting 2's title on a page after meeting 1's: " + pages).isPositive();
        assertThat(pages.get(start)).startsWith("Minutes of the assembly");
        for (int i = 0; i < pages.size(); i++) {
            // each page is one meeting's: its footer names that meeting and no other meeting's day is on it
            String mine = i < start ? "2026-11-28" : "2026-12-10";
            String other = i < start ? "2026-12-10" : "2026-11-28";
            assertThat(pages.get(i)).as("page " + (i + 1)).contains("Minutes — Millbrook 2 — meeting " + (i < start ? 1 : 2) + ", " + mine);
            assertThat(pages.get(i)).as("page " + (i + 1)).doesNotContain(other);
        }
        return new Split(String.join(" ", pages.subList(0, start)), String.join(" ", pages.subList(start, pages.size())));
    }

    @Test
    void eachMeetingFromANewPageWithItsOwnBusinessAndVerdicts() throws Exception {
        Path out = replay("book", book());
        Path v1 = replay("first", FIRST).resolve("R1.verdict");
        Split m = split(pages(Files.readAllBytes(out.resolve("minutes.pdf"))));

        // meeting 1: its people, R1 as it stood at its close, the verdict it issued and nothing of meeting 2
        assertThat(m.first()).contains("Lena Park").contains("Tariq Aziz").contains("Resolution R1 — A Community bakery")
                .contains("Entry 3: 120 for, 5 against, 5 abstaining of 130 present")
                .contains("entry 4: 100 for, 20 against, 10 abstaining")
                .contains("The mill's owner will be asked for the keys.")
                .contains("Community Verdict fingerprint: " + fingerprint(v1))
                .doesNotContain("Resolution R2").doesNotContain("Contention vote").doesNotContain("Pia reports")
                .doesNotContain(fingerprint(out.resolve("R1.verdict"))).doesNotContain(fingerprint(out.resolve("R2.verdict")));
        // (the extraction gives a page's paragraphs in order, its tables after them: the standing business is paragraphs)
        String opened1 = between(m.first(), "Standing business when the meeting opened", "Presented by");
        assertThat(opened1).contains("In planning: none").contains("Tabled, awaiting dismissal: none").contains("Delegates serving: none");
        String closed1 = between(m.first(), "Standing business when the meeting closed", "Verdicts issued at the close of this meeting");
        assertThat(closed1).contains("In planning: R1 — A Community bakery (passed at this meeting)")
                .contains("Delegates serving: Pia, for R1: Open the bakery by spring. (elected at entry 4)");

        // meeting 2: its own people and times, what it began with, the business taken up, what it ended with
        assertThat(m.second()).contains("Omar Haddad").contains("Jonas Weiß")
                .contains("opened 18:00, closed 18:30, 10 December 2026 (UTC time)")
                .contains("Entry 10: 90 for, 25 against, 5 abstaining of 120 present")
                .contains("recall at entry 11: 70 for, 40 against — recalled")
                .contains("Resolution R2 — A library garden").contains("Carried forward with the plan: Quinn digs the beds in March.")
                .contains("Pia reports the oven is broken.")
                .doesNotContain("Entry 3: 120 for");
        String opened2 = between(m.second(), "Standing business when the meeting opened", "Presented by");
        assertThat(opened2).contains("In planning: R1 — A Community bakery (passed at meeting 1)")
                .contains("Delegates serving: Pia, for R1: Open the bakery by spring. (elected at entry 4 of meeting 1)")
                .doesNotContain("Quinn").doesNotContain("No longer serving");
        String closed2 = between(m.second(), "Standing business when the meeting closed", "Verdicts issued at the close of this meeting");
        assertThat(between(closed2, "Delegates serving:", "No longer serving:")).contains("Quinn, for R2").doesNotContain("Pia");
        assertThat(closed2).contains("No longer serving: Pia, for R1: recalled at entry 11");
        assertThat(between(closed2, "In planning:", "Tabled")).contains("R1 — A Community bakery").doesNotContain("R2");
        // the correction made tonight of meeting 1's election says which meeting's entry it corrects
        assertThat(m.second()).containsPattern("12\\s?entry 4 of meeting 1").contains("The tellers recounted the election.");
        assertThat(m.first()).doesNotContain("The tellers recounted");

        // the verdicts issued at meeting 2's close: R1's anew (Pia recalled), superseding meeting 1's, and R2's
        assertThat(m.second()).contains("Community Verdict fingerprint: " + fingerprint(out.resolve("R1.verdict")))
                .contains("supersedes the verdict of meeting 1, fingerprint " + fingerprint(v1))
                .contains("Community Verdict fingerprint: " + fingerprint(out.resolve("R2.verdict")));
    }

    @Test
    void aContentionVoteThatKeepsTheResolutionIssuesNoNewVerdictAndSaysSo() throws Exception {
        List<String> lines = new ArrayList<>(FIRST);
        lines.addAll(SECOND.subList(0, 4)); // up to the contention vote that keeps R1: its standing is unchanged
        Path out = replay("kept", lines);
        Split m = split(pages(Files.readAllBytes(out.resolve("minutes.pdf"))));
        String fp = fingerprint(out.resolve("R1.verdict"));
        assertThat(m.first()).contains("Community Verdict fingerprint: " + fp);
        assertThat(m.second()).contains("Entry 10: 90 for, 25 against").contains("No new Community Verdict")
                .contains("the verdict of meeting 1 (fingerprint " + fp + ") stands");
        assertThat(m.second()).contains("Verdicts issued at the close of this meeting None: no resolution");
    }

    @Test
    void tonightsMinutesAreTheLastMeetingsPagesAlone() throws Exception {
        Path out = replay("book", book());
        List<String> record = Files.readAllLines(out.resolve("record.jsonl"), StandardCharsets.UTF_8);
        Meeting meeting = Replay.reopen(new Replay.Stored(record.get(0), record.subList(1, record.size()))).meeting();
        CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());

        List<String> tonight = pages(ClosingPapers.tonightsMinutes(meeting, record, key));
        List<String> book = pages(Files.readAllBytes(out.resolve("minutes.pdf")));
        Split m = split(book);
        // the same pages as meeting 2's in the book, numbered the same ("page 1 of 3"), and nothing of meeting 1
        assertThat(String.join(" ", tonight)).isEqualTo(m.second());
        assertThat(tonight.get(0)).startsWith("Minutes of the assembly").contains("page 1 of " + tonight.size());
        assertThat(book.get(book.size() - tonight.size())).contains("page 1 of " + tonight.size());

        // a book of one meeting: tonight's minutes are the whole book's
        Path one = replay("one", FIRST);
        List<String> first = Files.readAllLines(one.resolve("record.jsonl"), StandardCharsets.UTF_8);
        Meeting alone = Replay.reopen(new Replay.Stored(first.get(0), first.subList(1, first.size()))).meeting();
        assertThat(pages(ClosingPapers.tonightsMinutes(alone, first, key))).isEqualTo(pages(Files.readAllBytes(one.resolve("minutes.pdf"))));
    }

    @Test
    void aBookOfOneMeetingPrintsNoStandingBusinessAsNone() throws Exception {
        Path out = replay("one", FIRST);
        List<String> pages = pages(Files.readAllBytes(out.resolve("minutes.pdf")));
        String all = String.join(" ", pages);
        assertThat(all).contains("Minutes — Millbrook 2 — meeting 1, 2026-11-28").doesNotContain("2026-12-10");
        assertThat(between(all, "Standing business when the meeting opened", "Presented by"))
                .contains("In planning: none").contains("Tabled, awaiting dismissal: none").contains("Delegates serving: none");
        assertThat(all).contains("Community Verdict fingerprint: " + fingerprint(out.resolve("R1.verdict")));
    }
}
