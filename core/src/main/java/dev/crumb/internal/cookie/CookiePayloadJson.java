package dev.crumb.internal.cookie;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where {@link CookiePayload} meets its JSON form inside the cookie: one-letter names,
 * absent optional fields left out, unknown names skipped so that a newer Crumb may add fields an older
 * server still reads. The same JSON the jjwt-era codec wrote with Jackson data binding, so existing
 * cookies read the same.
 *
 * <p>To add a payload field: add the record component, one {@code case} in {@link #read} and one line
 * in {@link #write(CookiePayload, JsonWriter)}; nothing else knows the names.
 */
public final class CookiePayloadJson {

    /**
     * The output buffer, reused per thread: the cipher reads the JSON straight from it. The thread keeps
     * only a JDK type (a byte array), never a Crumb class: container threads outlive a web application, and a
     * value of the application's class loader would pin it after an undeploy (Tomcat reports it as a leak).
     * {@code CompactJwe} keeps its buffer the same way.
     */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[512]);

    private CookiePayloadJson() {
    }

    /** The payload as UTF-8 JSON bytes. */
    public static byte[] write(CookiePayload payload) {
        return written(payload).toByteArray();
    }

    /** The payload written into this thread's reused buffer; valid until the thread's next call. */
    static JsonWriter written(CookiePayload payload) {
        byte[] kept = BUFFER.get();
        JsonWriter out = new JsonWriter(kept);
        write(payload, out);
        if (out.buffer() != kept) {
            BUFFER.set(out.buffer()); // grown for a large payload: keep the larger one
        }
        return out;
    }

    private static void write(CookiePayload p, JsonWriter g) {
        g.beginObject();
        g.name("i");
        g.string(p.visitorId());
        g.name("c");
        g.string(p.country());
        g.name("l");
        g.string(p.language());
        g.name("f");
        g.number(p.firstSeen());
        g.name("s");
        g.number(p.lastSeen());
        g.name("n");
        g.number(p.visit());
        if (p.consent() != null) {
            CookiePayload.StoredConsent k = p.consent();
            g.name("k");
            g.beginObject();
            g.name("g");
            g.number(k.grantedBits());
            g.name("r");
            g.number(k.policyRevision());
            g.name("t");
            g.number(k.decidedAt());
            g.name("s");
            g.number(k.source());
            if (k.madeWithSignal()) {
                g.name("p");
                g.bool(true);
            }
            g.endObject();
        }
        if (p.savedForm() != null) {
            g.name("d");
            g.beginObject();
            for (Map.Entry<String, String> field : p.savedForm().entrySet()) {
                g.name(field.getKey());
                g.string(field.getValue());
            }
            g.endObject();
        }
        if (p.chosenLocale() != null) {
            g.name("x");
            g.bool(p.chosenLocale());
        }
        g.endObject();
    }

    /**
     * Reads a payload from {@code length} bytes of UTF-8 JSON at {@code offset}.
     *
     * @throws IOException              for anything that is not one JSON object of the expected types
     * @throws IllegalArgumentException when the values are well-typed but not a valid payload
     * @throws NullPointerException     when a required field is missing
     */
    public static CookiePayload read(byte[] json, int offset, int length) throws IOException {
        JsonReader r = new JsonReader(json, offset, length);
        r.beginObject();
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
        while ((name = r.nextName()) != null) {
            switch (name) {
                case "i" -> visitorId = r.nextString();
                case "c" -> country = r.nextString();
                case "l" -> language = r.nextString();
                case "f" -> firstSeen = r.nextLong();
                case "s" -> lastSeen = r.nextLong();
                case "n" -> visit = r.nextInt();
                case "k" -> consent = r.nextIsNull() ? null : consent(r);
                case "d" -> savedForm = r.nextIsNull() ? null : stringMap(r);
                case "x" -> chosenLocale = r.nextIsNull() ? null : r.nextBoolean();
                default -> r.skipValue(); // a newer Crumb's field
            }
        }
        r.endOfInput();
        return new CookiePayload(visitorId, country, language, firstSeen, lastSeen, visit, consent, savedForm,
                chosenLocale);
    }

    private static CookiePayload.StoredConsent consent(JsonReader r) throws IOException {
        r.beginObject();
        int grantedBits = 0;
        int policyRevision = 0;
        long decidedAt = 0;
        int source = 0;
        Boolean signal = null;
        String name;
        while ((name = r.nextName()) != null) {
            switch (name) {
                case "g" -> grantedBits = r.nextInt();
                case "r" -> policyRevision = r.nextInt();
                case "t" -> decidedAt = r.nextLong();
                case "s" -> source = r.nextInt();
                case "p" -> signal = r.nextIsNull() ? null : r.nextBoolean();
                default -> r.skipValue();
            }
        }
        return new CookiePayload.StoredConsent(grantedBits, policyRevision, decidedAt, source, signal);
    }

    private static Map<String, String> stringMap(JsonReader r) throws IOException {
        r.beginObject();
        Map<String, String> map = new HashMap<>();
        String name;
        while ((name = r.nextName()) != null) {
            map.put(name, r.nextString());
        }
        return map;
    }
}
