package dev.crumb.internal.cookie;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where {@link CookiePayload} meets its JSON form inside the cookie: one-letter names,
 * absent optional fields left out, unknown names skipped so that a newer Crumb may add fields an older
 * server still reads. Streaming with Jackson's {@code JsonParser}/{@code JsonGenerator} rather than data
 * binding: binding the record cost about as much as the AES-GCM work itself, and the cookie is opened
 * and sealed on the request thread.
 *
 * <p>To add a payload field: add the record component, one {@code case} in {@link #read} and one line
 * in {@link #write}; nothing else knows the names.
 */
public final class CookiePayloadJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** The output buffer, reused per thread: a full cookie's JSON is about 3 KB. */
    private static final ThreadLocal<ByteArrayBuilder> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayBuilder(512));

    private CookiePayloadJson() {
    }

    /** The payload as UTF-8 JSON bytes. */
    public static byte[] write(CookiePayload p) {
        ByteArrayBuilder out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("i", p.visitorId());
            g.writeStringField("c", p.country());
            g.writeStringField("l", p.language());
            g.writeNumberField("f", p.firstSeen());
            g.writeNumberField("s", p.lastSeen());
            g.writeNumberField("n", p.visit());
            if (p.consent() != null) {
                CookiePayload.StoredConsent k = p.consent();
                g.writeObjectFieldStart("k");
                g.writeNumberField("g", k.grantedBits());
                g.writeNumberField("r", k.policyRevision());
                g.writeNumberField("t", k.decidedAt());
                g.writeNumberField("s", k.source());
                g.writeEndObject();
            }
            if (p.savedForm() != null) {
                g.writeObjectFieldStart("d");
                for (Map.Entry<String, String> field : p.savedForm().entrySet()) {
                    g.writeStringField(field.getKey(), field.getValue());
                }
                g.writeEndObject();
            }
            if (p.chosenLocale() != null) {
                g.writeBooleanField("x", p.chosenLocale());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cookie payload", e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /**
     * Reads a payload from {@code length} bytes of UTF-8 JSON at {@code offset}.
     *
     * @throws IOException              for anything that is not one JSON object of the expected types
     * @throws IllegalArgumentException when the values are well-typed but not a valid payload
     * @throws NullPointerException     when a required field is missing
     */
    public static CookiePayload read(byte[] json, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the cookie payload is not a JSON object");
            }
            String visitorId = null;
            String country = null;
            String language = null;
            long firstSeen = 0;
            long lastSeen = 0;
            int visit = 0;
            CookiePayload.StoredConsent consent = null;
            Map<String, String> savedForm = null;
            Boolean chosenLocale = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "i" -> visitorId = text(p, value);
                    case "c" -> country = text(p, value);
                    case "l" -> language = text(p, value);
                    case "f" -> firstSeen = longValue(p, value);
                    case "s" -> lastSeen = longValue(p, value);
                    case "n" -> visit = intValue(p, value);
                    case "k" -> consent = value == JsonToken.VALUE_NULL ? null : consent(p, value);
                    case "d" -> savedForm = value == JsonToken.VALUE_NULL ? null : stringMap(p, value);
                    case "x" -> chosenLocale = value == JsonToken.VALUE_NULL ? null : bool(p, value);
                    default -> p.skipChildren(); // a newer Crumb's field
                }
            }
            expectEndOfObject(p);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "content after the cookie payload");
            }
            return new CookiePayload(visitorId, country, language, firstSeen, lastSeen, visit, consent, savedForm,
                    chosenLocale);
        }
    }

    private static CookiePayload.StoredConsent consent(JsonParser p, JsonToken start) throws IOException {
        expect(p, start, JsonToken.START_OBJECT);
        int grantedBits = 0;
        int policyRevision = 0;
        long decidedAt = 0;
        int source = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "g" -> grantedBits = intValue(p, value);
                case "r" -> policyRevision = intValue(p, value);
                case "t" -> decidedAt = longValue(p, value);
                case "s" -> source = intValue(p, value);
                default -> p.skipChildren();
            }
        }
        expectEndOfObject(p);
        return new CookiePayload.StoredConsent(grantedBits, policyRevision, decidedAt, source);
    }

    private static Map<String, String> stringMap(JsonParser p, JsonToken start) throws IOException {
        expect(p, start, JsonToken.START_OBJECT);
        Map<String, String> map = new HashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            map.put(name, text(p, p.nextToken()));
        }
        expectEndOfObject(p);
        return map;
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        expect(p, value, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static long longValue(JsonParser p, JsonToken value) throws IOException {
        expect(p, value, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue(); // out of range: InputCoercionException, an IOException
    }

    private static int intValue(JsonParser p, JsonToken value) throws IOException {
        expect(p, value, JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    private static Boolean bool(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new JsonParseException(p, "expected a boolean");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws JsonParseException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + " in the cookie payload");
        }
    }

    private static void expectEndOfObject(JsonParser p) throws JsonParseException {
        // nextFieldName() answers null for any token that is not a name: only the object's end may follow.
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected a field name or the end of an object in the cookie payload");
        }
    }
}
