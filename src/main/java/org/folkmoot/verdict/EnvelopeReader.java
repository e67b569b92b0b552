package org.folkmoot.verdict;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Json;

/**
 * The one streaming reader of the files too large to be read as a tree — a roster of a million Communities, a
 * body's result of a million verdicts: a JSON object's top-level fields handed to the caller one at a time, and on
 * that a DSSE envelope, its payload decoded into the caller's stream with no string in between. The parser's limits
 * are the strict mapper's ({@link Json#MAPPER}: no key twice, no deeper than 32); what differs between the files —
 * their name in a refusal, the base64 alphabets their payload may be in — is the caller's {@link Rules}.
 */
public final class EnvelopeReader {
    /** One field's reader: the parser stands at the value's first token ({@code value}) and is left at its last. */
    @FunctionalInterface
    public interface Field {
        void read(String name, JsonToken value, JsonParser in) throws IOException, SignedFile.Refused;
    }

    /** Where an envelope's payload is decoded to: opened afresh for each base64 alphabet tried. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open() throws IOException;
    }

    /** What an envelope says beside its payload (which went to the {@link Sink}). */
    public record Envelope(String type, List<Dsse.Signature> signatures) {
    }

    /**
     * How one kind of file is read: {@code what} names it in a refusal ("the roster"), {@code notObject} refuses a
     * file that is no JSON object, and its payload's base64 is tried in each of {@code base64} in turn (a payload
     * in none is refused in the words of the first).
     */
    public record Rules(String what, String notObject, List<Base64Variant> base64) {
    }

    private EnvelopeReader() {
    }

    public static JsonParser parser(byte[] json) throws IOException {
        return Json.MAPPER.getFactory().createParser(json);
    }

    public static JsonParser parser(Path file) throws IOException {
        return Json.MAPPER.getFactory().createParser(file.toFile());
    }

    /**
     * The object the parser starts at, field by field: anything but an object is refused with {@code notObject}, and
     * anything after it with {@code followed} (null to stop at the object's end, as a reader of the head only does).
     */
    public static void fields(JsonParser in, String notObject, String followed, Field each) throws IOException, SignedFile.Refused {
        if (in.nextToken() != JsonToken.START_OBJECT) throw new SignedFile.Refused(notObject);
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            each.read(name, in.nextToken(), in);
        }
        if (followed != null && in.nextToken() != null) throw new SignedFile.Refused(followed);
    }

    /** A whole JSON document {@code what} names, field by field, each refusal a sentence about {@code what}. */
    public static void fields(byte[] json, String what, Field each) throws SignedFile.Refused {
        fields(() -> parser(json), what, each);
    }

    public static void fields(Path json, String what, Field each) throws SignedFile.Refused {
        fields(() -> parser(json), what, each);
    }

    private interface Source {
        JsonParser open() throws IOException;
    }

    private static void fields(Source source, String what, Field each) throws SignedFile.Refused {
        try (JsonParser in = source.open()) {
            fields(in, what + " is not a JSON object", what + " is not JSON (something follows it)", each);
        } catch (IOException e) {
            throw new SignedFile.Refused(what + " " + problem(e));
        }
    }

    /** What went wrong reading, as the end of a sentence about the file: its JSON, or the disk. */
    private static String problem(IOException e) {
        if (e instanceof JsonProcessingException) return SignedFile.jsonProblem(e);
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return "cannot be read (" + SignedFile.shorten(m) + ")";
    }

    /**
     * A DSSE envelope: {@code payloadType}, {@code payload} and {@code signatures} and no other key, nothing after
     * it, each signature 64 bytes (with a {@code keyid} as a hint, or none).
     */
    public static Envelope read(byte[] bytes, Rules rules, Sink payload) throws SignedFile.Refused {
        return read(() -> parser(bytes), rules, payload);
    }

    public static Envelope read(Path file, Rules rules, Sink payload) throws SignedFile.Refused {
        return read(() -> parser(file), rules, payload);
    }

    private static Envelope read(Source source, Rules rules, Sink payload) throws SignedFile.Refused {
        for (Base64Variant variant : rules.base64()) {
            try (JsonParser in = source.open()) {
                return read(in, rules, variant, payload);
            } catch (NotBase64 tryTheNext) {
                // the file is read again from its start: a stream cannot go back to the payload's first byte
            } catch (IOException e) {
                throw new SignedFile.Refused(rules.what() + " " + problem(e));
            }
        }
        throw new SignedFile.Refused("the payload is not base64");
    }

    /** The payload is not in the alphabet being tried (Jackson says so with either exception). */
    private static final class NotBase64 extends IOException {
        NotBase64() {
            super(null, null);
        }
    }

    private static Envelope read(JsonParser in, Rules rules, Base64Variant variant, Sink sink) throws IOException, SignedFile.Refused {
        var seen = new Object() {
            String type;
            boolean payload;
            final List<Dsse.Signature> signatures = new ArrayList<>();
        };
        fields(in, rules.notObject(), rules.what() + " is not JSON (something follows it)", (name, value, p) -> {
            switch (name) {
                case "payloadType" -> {
                    if (value != JsonToken.VALUE_STRING) throw new SignedFile.Refused("the envelope has no 'payloadType'");
                    seen.type = p.getText();
                }
                case "payload" -> {
                    if (value != JsonToken.VALUE_STRING) throw new SignedFile.Refused("the envelope has no 'payload'");
                    try (OutputStream out = sink.open()) {
                        p.readBinaryValue(variant, out);
                    } catch (IllegalArgumentException outsideTheAlphabet) {
                        throw new NotBase64();
                    } catch (JsonParseException e) {
                        if (e instanceof JsonEOFException) throw e; // the file ends inside it: not JSON, in any alphabet
                        throw new NotBase64(); // padding missing, or a character no base64 has
                    }
                    seen.payload = true;
                }
                case "signatures" -> {
                    if (value != JsonToken.START_ARRAY) throw new SignedFile.Refused("the envelope has no signatures");
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        if (!(t == JsonToken.START_OBJECT && Json.ONE_OF_MANY.readValue(p) instanceof ObjectNode o)) {
                            throw new SignedFile.Refused("a signature is not an object");
                        }
                        seen.signatures.add(SignedFile.signature(o));
                    }
                }
                default -> throw new SignedFile.Refused("the envelope has an unknown key '" + SignedFile.shorten(name) + "'");
            }
        });
        if (seen.type == null) throw new SignedFile.Refused("the envelope has no 'payloadType'");
        if (!seen.payload) throw new SignedFile.Refused("the envelope has no 'payload'");
        if (seen.signatures.isEmpty()) throw new SignedFile.Refused("the envelope has no signatures");
        return new Envelope(seen.type, List.copyOf(seen.signatures));
    }
}
