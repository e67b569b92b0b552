package org.folkmoot.minutes;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import org.folkmoot.procedure.Fraction;

/**
 * How the minutes look on the page: their colours and sizes, headings that never end a page, boxed texts,
 * tables, the support bar, and the footer with each meeting's own page count. What the minutes say is
 * {@link Minutes}' and {@link ResolutionMinutes}'.
 */
final class MinutesLayout {
    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    static final Color SHADE = new Color(0xF2, 0xF2, 0xF2);
    static final Color REACHED = new Color(0x1B, 0x5E, 0x20);
    static final Color NOT_REACHED = new Color(0xB7, 0x1C, 0x1C);
    static final float BODY = 10f;

    private final Document document = new Document(PageSize.A4, 56, 56, 60, 60);
    private PdfWriter writer;

    /** The minutes will be written to {@code out}; the document is not open yet. */
    PdfWriter writeTo(OutputStream out) throws DocumentException {
        writer = PdfWriter.getInstance(document, out);
        return writer;
    }

    Document document() {
        return document;
    }

    void add(Element element) throws DocumentException {
        document.add(element);
    }

    /** A heading and at least three lines of text beneath it. */
    void subheading(String text) throws DocumentException {
        subheading(text, 80);
    }

    /**
     * A heading kept with the head of the table beneath it: its header row and first row, however tall (a
     * category's statement and weigh-in run to several lines), come on the heading's page.
     */
    void subheading(String text, PdfPTable first) throws DocumentException {
        first.setTotalWidth(document.right() - document.left());
        float rows = first.spacingBefore();
        for (int i = 0; i < Math.min(first.size(), first.getHeaderRows() + 1); i++) rows += first.getRowHeight(i);
        subheading(text, HEADING_HEIGHT + rows);
    }

    /** The height a subheading takes with its spacing: its line, 8 points before and 3 after. */
    private static final float HEADING_HEIGHT = 11.5f * 1.5f + 8 + 3;

    void subheading(String text, float withWhatFollows) throws DocumentException {
        keepWithNext(withWhatFollows);
        Paragraph p = paragraphOf(MinutesFonts.text(text, 11.5f, Font.BOLD, INK));
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        document.add(p);
    }

    /** A heading never ends a page: with less than {@code points} left below it, it begins the next. */
    void keepWithNext(float points) throws DocumentException {
        if (writer.getVerticalPosition(false) - document.bottom() < points) document.newPage();
    }

    void paragraph(Phrase phrase, float before) {
        Paragraph p = paragraphOf(phrase);
        p.setSpacingBefore(before);
        p.setLeading(BODY * 1.35f);
        try {
            document.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    void boxed(String label, String text) throws DocumentException {
        document.add(boxTable(label, text));
    }

    /**
     * A paragraph whose own font is the embedded one: OpenPDF lays the space before and after a paragraph out as a
     * blank in the paragraph's font, and a paragraph left with the default one puts Helvetica, not embedded, in the file.
     */
    static Paragraph paragraphOf(Phrase phrase) {
        Paragraph p = new Paragraph(phrase);
        p.setFont(new Font(MinutesFonts.regular(), BODY));
        return p;
    }

    static Paragraph paragraphOf() {
        return paragraphOf(new Phrase());
    }

    static PdfPTable boxTable(String label, String text) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = new PdfPCell();
        c.setBackgroundColor(SHADE);
        c.setBorderColor(RULE);
        c.setPadding(7);
        c.addElement(paragraphOf(MinutesFonts.text(label, 8.5f, Font.BOLD, MUTED)));
        Paragraph body = paragraphOf(MinutesFonts.text(text, 10.5f));
        body.setLeading(14);
        c.addElement(body);
        t.addCell(c);
        t.setSpacingBefore(5);
        return t;
    }

    static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(3);
        t.setSpacingAfter(3);
        t.setHeaderRows(0);
        return t;
    }

    static void row(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(MinutesFonts.bold(label, 9.5f));
        l.setBorderColor(RULE);
        l.setBackgroundColor(SHADE);
        l.setPadding(4);
        t.addCell(l);
        cell(t, value);
    }

    static void headerRow(PdfPTable t, String... labels) {
        for (String label : labels) {
            PdfPCell c = new PdfPCell(MinutesFonts.text(label, 8.5f, Font.BOLD, INK));
            c.setBackgroundColor(SHADE);
            c.setBorderColor(RULE);
            c.setPadding(4);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    static void cell(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(MinutesFonts.text(text, 9.5f));
        c.setBorderColor(RULE);
        c.setPadding(4);
        t.addCell(c);
    }

    void spacer(float points) throws DocumentException {
        // the space in the embedded font: a bare " " would bring in Helvetica, the one font not embedded
        Paragraph p = paragraphOf(MinutesFonts.text(" ", BODY));
        p.setLeading(points);
        document.add(p);
    }

    /** A horizontal bar of the support, with a mark where the threshold stands. */
    static final class Bar implements PdfPCellEvent {
        private final Fraction support;
        private final Fraction threshold;
        private final boolean reached;

        Bar(Fraction support, Fraction threshold, boolean reached) {
            this.support = support;
            this.threshold = threshold;
            this.reached = reached;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.LINECANVAS];
            float left = position.getLeft() + 6;
            float width = position.getWidth() - 12;
            float bottom = position.getBottom() + position.getHeight() / 2 - 5;
            float share = support.denominator() == 0 ? 0f : (float) support.numerator() / support.denominator(); // drawing only
            cb.saveState();
            cb.setColorFill(new Color(0xE0, 0xE0, 0xE0));
            cb.rectangle(left, bottom, width, 10);
            cb.fill();
            cb.setColorFill(reached ? REACHED : NOT_REACHED);
            cb.rectangle(left, bottom, width * Math.min(1f, share), 10);
            cb.fill();
            float mark = left + width * ((float) threshold.numerator() / threshold.denominator());
            cb.setColorStroke(Color.BLACK);
            cb.setLineWidth(1.6f);
            cb.moveTo(mark, bottom - 3);
            cb.lineTo(mark, bottom + 13);
            cb.stroke();
            cb.restoreState();
        }
    }

    /**
     * "Minutes — Community — meeting N, date" on the left and "page X of Y" on the right of every page, counted
     * within each meeting's minutes: each is signed and filed as a document of its own.
     */
    static final class Footer extends PdfPageEventHelper {
        private String text = "";
        private PdfTemplate total;
        private int firstPage = 1;

        /** The next meeting's minutes begin on this page: the meeting before it has its page count. */
        void begin(PdfWriter writer, String meetingText) {
            finish(writer);
            text = meetingText;
            total = writer.getDirectContent().createTemplate(40, 12);
            firstPage = writer.getPageNumber();
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 24;
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), y + 12);
            cb.lineTo(document.right(), y + 12);
            cb.stroke();
            // the Community's name may be in any script: laid out like the body text, font by font
            com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_LEFT,
                    MinutesFonts.text(text, 8.5f, Font.NORMAL, MUTED), document.left(), y, 0);
            cb.beginText();
            cb.setFontAndSize(MinutesFonts.regular(), 8.5f);
            cb.setColorFill(MUTED);
            String page = "page " + (writer.getPageNumber() - firstPage + 1) + " of ";
            float pageWidth = MinutesFonts.regular().getWidthPoint(page, 8.5f);
            cb.setTextMatrix(document.right() - pageWidth - 18, y);
            cb.showText(page);
            cb.endText();
            cb.addTemplate(total, document.right() - 18, y);
            cb.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            finish(writer);
        }

        /** Writes the count of the pages since {@code firstPage}, the current one ended. */
        private void finish(PdfWriter writer) {
            if (total == null) return;
            total.beginText();
            total.setFontAndSize(MinutesFonts.regular(), 8.5f);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - firstPage));
            total.endText();
            total = null;
        }
    }
}
