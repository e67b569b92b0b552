package org.folkmoot.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minutes read back as text hold every tally, every amendment, the outcome and the fingerprint. */
class MinutesTest {
    @TempDir
    Path tmp;

    private static String text(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bakery.jsonl", "night-market.jsonl", "library.jsonl"})
    void everyTallyAmendmentOutcomeAndFingerprintIsPrinted(String example) throws Exception {
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "replay", Path.of("assets", "meetings", example).toString(), "--out", tmp.toString());
        assertThat(status).as(err.toString()).isZero();
        String minutes = text(tmp.resolve("minutes.pdf"));

        PdfReader reader = new PdfReader(Files.readAllBytes(tmp.resolve("minutes.pdf")));
        int pages = reader.getNumberOfPages();
        reader.close();
        for (int page = 1; page <= pages; page++) assertThat(minutes).contains("page " + page + " of " + pages);

        try (var files = Files.list(tmp)) {
            for (Path verdict : files.filter(p -> p.toString().endsWith(".verdict")).toList()) {
                byte[] payload = SignedFile.parse(Files.readAllBytes(verdict)).payload();
                JsonNode p = SignedFile.object(payload, "payload");
                assertThat(minutes).contains(Ed25519Keys.fingerprint(payload));
                assertThat(minutes).contains("Resolution " + p.at("/resolution/id").asText());
                for (JsonNode v : p.get("votes")) {
                    assertThat(minutes).contains("Entry " + v.get("seq") + ": " + v.get("for") + " for, " + v.get("against")
                            + " against, " + v.get("abstain") + " abstaining of " + v.get("present") + " present");
                }
                for (JsonNode a : p.get("amendments")) {
                    // worded first as the assembly decided it: an adopted change and a rejected one never read alike
                    assertThat(minutes).contains((a.get("adopted").asBoolean() ? "Adopted: " : "Rejected: ")
                            + "amendment " + a.get("id").asText() + " from " + a.get("category").asText());
                    assertThat(minutes).contains(a.get("find").asText()).contains(a.get("replace").asText());
                }
                String outcome = p.get("outcome").asText();
                assertThat(minutes).contains("Outcome: " + outcome.replace("-", " "));
            }
        }
        assertThat(minutes).contains("Facilitator").contains("Secretary");
    }

    @org.junit.jupiter.api.Test
    void otherScriptsPrint() throws Exception {
        FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "replay", Path.of("assets", "meetings", "library.jsonl").toString(), "--out", tmp.toString());
        String minutes = text(tmp.resolve("minutes.pdf"));
        assertThat(minutes).contains("Παλιά Πόλη 5").contains("Ольга Иванова").contains("Jonas Weiß");
        assertThat(minutes).contains("Corrections").contains("The tellers recounted");
        assertThat(minutes).contains("Adjourned");
    }
}
