package dev.crumb.internal.visitor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Makes random visitor IDs: 128 bits from {@link SecureRandom}, as 22 URL-safe characters. */
public final class VisitorIds {

    private static final int BYTES = 16;
    /** Shared: {@code withoutPadding()} makes a new encoder on every call, and the encoder is thread-safe. */
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public VisitorIds(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new, unguessable visitor ID. */
    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
