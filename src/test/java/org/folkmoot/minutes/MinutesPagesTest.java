package org.folkmoot.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The minutes read back as the preview and the printer get them. */
class MinutesPagesTest {
    @Test
    void aFileThatIsNotAPdfIsRefusedNotDrawn() {
        assertThatThrownBy(() -> MinutesPages.read("not a pdf at all".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everyPageIsDrawnAtTheAskedDensityUprightAndNotBlank() throws Exception {
        com.lowagie.text.Document doc = new com.lowagie.text.Document(com.lowagie.text.PageSize.A4);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, bytes);
        doc.open();
        doc.add(new com.lowagie.text.Paragraph("Page one"));
        doc.newPage();
        doc.add(new com.lowagie.text.Paragraph("Page two"));
        doc.close();
        try (MinutesPages pages = MinutesPages.read(bytes.toByteArray())) {
            assertThat(pages.count()).isEqualTo(2);
            MinutesPages.Page page = pages.render(1, 72);
            // A4 is 595 by 842 points: at 72 dots per inch a dot is a point
            assertThat(page.width()).isEqualTo(595);
            assertThat(page.height()).isEqualTo(842);
            assertThat(page.argb()).hasSize(595 * 842);
            long dark = java.util.Arrays.stream(page.argb()).filter(p -> (p & 0xff) < 128).count();
            assertThat(dark).as("the text drew something").isPositive();
            assertThat(pages.render(0, 144).width()).isEqualTo(1190);
        }
    }
}
