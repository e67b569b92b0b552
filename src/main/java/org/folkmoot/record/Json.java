package org.folkmoot.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON reader and writer of meeting lines: strict (duplicate keys refused), bounded, compact. */
public final class Json {
    /** Deeper than any meeting line needs; a deeper one is not a meeting line. */
    static final int MAX_DEPTH = 32;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(64)
                .maxStringLength(4 * 1024 * 1024)
                .build());
        MAPPER.getFactory().disable(JsonParser.Feature.ALLOW_COMMENTS);
    }

    /**
     * One value of a stream that goes on after it (the strict mapper refuses anything after a value): an entry
     * of a roster, a verdict inside a result, a signature of an envelope read as a stream.
     */
    public static final com.fasterxml.jackson.databind.ObjectReader ONE_OF_MANY = MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Reads one line as a JSON object, or says in one sentence why it is not one. */
    public static ObjectNode object(String line) throws FormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new FormatException("is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw new FormatException("is empty");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new FormatException("is not a JSON object");
        }
        return object;
    }

    /** The compact form, as records are written: one line, UTF-8 characters as they are. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON always writes back", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
