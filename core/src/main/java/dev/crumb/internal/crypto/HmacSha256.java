package dev.crumb.internal.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under one key, with one initialised {@link Mac} per thread: looking up the provider and
 * initialising the key on every call costs more than the HMAC itself, and request threads compute
 * several per request (CSRF tokens, keyed hashes).
 */
public final class HmacSha256 {

    private final ThreadLocal<Mac> macs;

    public HmacSha256(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM has no HmacSHA256", e);
            }
        });
    }

    /** The HMAC of the concatenated parts. */
    public byte[] mac(byte[]... parts) {
        Mac mac = macs.get();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
