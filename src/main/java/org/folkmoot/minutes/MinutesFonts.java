package org.folkmoot.minutes;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts embedded in the minutes: DejaVu Sans for Latin, Greek, Cyrillic and many symbols, with Droid
 * Sans Fallback behind it for Chinese, Japanese and Korean. Every run of text picks, letter by letter,
 * the first font that has the glyph, so any script prints as far as the fonts reach.
 */
final class MinutesFonts {
    private static final BaseFont REGULAR = load("DejaVuSans.ttf");
    private static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");
    private static final BaseFont CJK = load("DroidSansFallbackFull.ttf");

    private MinutesFonts() {
    }

    private static BaseFont load(String name) {
        try (InputStream in = MinutesFonts.class.getResourceAsStream("/org/folkmoot/fonts/" + name)) {
            if (in == null) throw new IOException("the font " + name + " is not in this build");
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("the font " + name + " cannot be embedded", e);
        }
    }

    /**
     * A selector's look: one is made per look and thread and kept — making one registers and reads a font from the
     * jar (some 20 ms, once per table cell made the minutes of a long book take minutes), and one in use remembers
     * its current font, so threads (an export beside a print) do not share one.
     */
    private record Look(float size, int style, Color color) {
    }

    private static final ThreadLocal<java.util.Map<Look, FontSelector>> SELECTORS = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Text in the given size, style ({@link Font#NORMAL}, {@link Font#BOLD}, {@link Font#STRIKETHRU}...) and colour. */
    static Phrase text(String text, float size, int style, Color color) {
        FontSelector selector = SELECTORS.get().computeIfAbsent(new Look(size, style, color), look -> {
            FontSelector made = new FontSelector();
            boolean bold = (style & Font.BOLD) != 0;
            int rest = style & ~Font.BOLD;
            made.addFont(new Font(bold ? BOLD : REGULAR, size, rest, color));
            made.addFont(new Font(CJK, size, style, color));
            return made;
        });
        return selector.process(text == null ? "" : text);
    }

    static Phrase text(String text, float size) {
        return text(text, size, Font.NORMAL, Color.BLACK);
    }

    static Phrase bold(String text, float size) {
        return text(text, size, Font.BOLD, Color.BLACK);
    }

    static BaseFont regular() {
        return REGULAR;
    }
}
