package org.folkmoot.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A meeting file cut into its lines: strict UTF-8, "\n" or "\r\n" endings, blank lines passed over. */
public final class Lines {
    /** One line with its number in the file (from 1), without its line ending. */
    public record Line(int number, String text) {
    }

    private Lines() {
    }

    public static List<Line> split(byte[] bytes) throws FormatException {
        List<Line> lines = new ArrayList<>();
        int start = startAfterBom(bytes);
        int number = 1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, stop - start))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new FormatException("line " + number + " is not UTF-8 text");
            }
            if (!text.isBlank()) lines.add(new Line(number, text));
            number++;
            start = end + 1;
        }
        return lines;
    }

    private static int startAfterBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
    }
}
