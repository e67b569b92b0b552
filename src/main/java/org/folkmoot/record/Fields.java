package org.folkmoot.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.folkmoot.procedure.Community;

/** Reading the fields of a line, each with a refusal a facilitator understands. */
final class Fields {
    private Fields() {
    }

    static String text(ObjectNode node, String name) throws FormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw new FormatException("'" + name + "' is missing");
        if (!value.isTextual()) throw new FormatException("'" + name + "' must be text, not " + shown(value));
        return value.textValue();
    }

    static String optionalText(ObjectNode node, String name) throws FormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new FormatException("'" + name + "' must be text, not " + shown(value));
        return value.textValue();
    }

    /** A count: a whole, non-negative number, at most {@link Community#MAX_MEMBERS}. */
    static long count(ObjectNode node, String name) throws FormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw new FormatException("'" + name + "' is missing");
        return count(value, name);
    }

    static Long optionalCount(ObjectNode node, String name) throws FormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        return count(value, name);
    }

    private static long count(JsonNode value, String name) throws FormatException {
        if (!value.isNumber()) {
            throw new FormatException("'" + name + "' must be a whole number, not " + shown(value));
        }
        if (!value.isIntegralNumber()) {
            throw new FormatException("'" + name + "' must be a whole number, not " + value.asText());
        }
        if (value.bigIntegerValue().signum() < 0) throw new FormatException("'" + name + "' cannot be negative: " + value.asText());
        // no room holds more: a Community has at most MAX_MEMBERS members, so every sum of counts fits a long
        if (!value.canConvertToLong() || value.longValue() > Community.MAX_MEMBERS) {
            throw new FormatException("the count " + value.bigIntegerValue() + " in '" + name + "' is too large: no count is above "
                    + Community.MAX_MEMBERS);
        }
        return value.longValue();
    }

    static ObjectNode object(ObjectNode node, String name, boolean required) throws FormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) throw new FormatException("'" + name + "' is missing");
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw new FormatException("'" + name + "' must be an object, not " + shown(value));
        }
        return object;
    }

    /** The first key of {@code node} that is not among {@code takes}, or null: each reader says in its own words why it is refused. */
    static String firstUnknown(ObjectNode node, java.util.Collection<String> takes) {
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!takes.contains(name)) return name;
        }
        return null;
    }

    static String shown(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.textValue() + "\"" : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
