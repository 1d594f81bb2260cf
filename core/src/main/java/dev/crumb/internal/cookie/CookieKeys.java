package dev.crumb.internal.cookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ring of cookie keys: the first one seals new cookies, every one opens cookies. Each key has a
 * key ID derived from the key itself, so every server configured with the same keys agrees on the IDs
 * without coordination, and removing a key from the ring retires every cookie sealed with it.
 */
public final class CookieKeys {

    /** Bytes of an AES-256 key. */
    public static final int KEY_BYTES = 32;

    private final List<NamedKey> keys;

    private CookieKeys(List<NamedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A key with its ID. */
    public record NamedKey(String id, SecretKey key) {
        public NamedKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * Parses base64url keys (padding optional), first the one that seals.
     *
     * @param source where the keys came from, named in error messages (e.g. {@code "CRUMB_KEYS"})
     * @throws IllegalArgumentException saying which entry is wrong and how to make a good one
     */
    public static CookieKeys parse(List<String> encoded, String source) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no key; give at least one 32-byte base64url key"
                    + " (generate one with `java -jar crumb-jetty-demo.jar --new-key`)");
        }
        List<NamedKey> parsed = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            String text = encoded.get(i) == null ? "" : encoded.get(i).trim();
            byte[] raw;
            try {
                raw = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " entry " + (i + 1) + " is not base64url; keys must be "
                        + KEY_BYTES + " bytes of base64url — generate one with `java -jar crumb-jetty-demo.jar --new-key`");
            }
            if (raw.length != KEY_BYTES) {
                throw new IllegalArgumentException(source + " entry " + (i + 1) + " is " + raw.length + " bytes; keys must be "
                        + KEY_BYTES + " bytes of base64url — generate one with `java -jar crumb-jetty-demo.jar --new-key`");
            }
            NamedKey key = new NamedKey(keyId(raw), new SecretKeySpec(raw, "AES"));
            if (parsed.stream().anyMatch(k -> k.id().equals(key.id()))) {
                throw new IllegalArgumentException(source + " entry " + (i + 1) + " repeats an earlier key; list each key once");
            }
            parsed.add(key);
        }
        return new CookieKeys(parsed);
    }

    /**
     * Splits keys in the text form of {@code CRUMB_KEYS} (base64url keys separated by commas or line
     * breaks), checks each as {@link #parse} does and returns them trimmed, the sealing key first.
     *
     * @param source where the text came from, named in error messages (e.g. {@code "CRUMB_KEYS"} or a file)
     * @throws IllegalArgumentException saying which entry is empty or wrong and how to make a good one
     */
    public static List<String> parseText(String text, String source) {
        String how = "keys must be " + KEY_BYTES
                + " bytes of base64url — generate one with `java -jar crumb-jetty-demo.jar --new-key`";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(source + " is empty; " + how);
        }
        List<String> entries = new ArrayList<>();
        String[] parts = text.strip().split("\\s*[,\\n]\\s*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new IllegalArgumentException(source + " entry " + (i + 1) + " is empty; " + how);
            }
            entries.add(parts[i].strip());
        }
        parse(entries, source);
        return List.copyOf(entries);
    }

    /** The key that seals new cookies. */
    public NamedKey current() {
        return keys.get(0);
    }

    /** The key with this ID, if it is still in the ring. */
    public Optional<NamedKey> find(String id) {
        for (NamedKey k : keys) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** All keys, the sealing one first. */
    public List<NamedKey> all() {
        return keys;
    }

    /** A short, public ID for a key: it reveals nothing usable about the key (a truncated SHA-256). */
    static String keyId(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("crumb-kid".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(raw);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
