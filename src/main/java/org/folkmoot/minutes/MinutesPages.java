package org.folkmoot.minutes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The printed minutes read back as page images, for the preview a secretary looks at before printing and for the
 * pages sent to the printer. The minutes are written by OpenPDF; PDFBox only reads them, so what is previewed
 * and printed is the very file kept in the data folder, not a second rendering of the record.
 */
public final class MinutesPages implements AutoCloseable {
    /** One page's pixels, row by row, as 0xAARRGGBB. */
    public record Page(int width, int height, int[] argb) {
    }

    private final PDDocument document;
    private final PDFRenderer renderer;

    private MinutesPages(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /** Opens the minutes' bytes; a file that is not a PDF is refused with PDFBox's reason. */
    public static MinutesPages read(byte[] pdf) throws IOException {
        return new MinutesPages(Loader.loadPDF(pdf));
    }

    public int count() {
        return document.getNumberOfPages();
    }

    /** Page {@code index} (from 0) at {@code dpi} dots per inch: 72 is the page's own size in points. */
    public Page render(int index, float dpi) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        return new Page(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
