package dev.crumb.bench.jmh;

import dev.crumb.bench.BenchKeys;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.OpenedCookieCache;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookiePayloadJson;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The visitor cookie's codec against the floor it cannot beat: the JDK's AES-256-GCM on the same payload
 * bytes with the same key and a 12-byte IV. {@code open}/{@code seal} are what the filter calls;
 * {@code rawDecrypt}/{@code rawEncrypt} are the baseline (targets in {@link RatioReport}). The
 * {@code part*} methods take the codec apart so a miss can be attributed without a profiler: base64url,
 * the payload's streaming JSON, and jjwt's parse (the codec's former implementation, for comparison).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class CookieCodecBenchmark {

    private static final int TAG_BITS = 128;
    private static final int IV_BYTES = 12;

    @Param({"TYPICAL", "FULL"})
    public CookieFixtures.Shape shape;

    private CookieCodec codec;
    private OpenedCookieCache cache;
    private CookiePayload payload;
    private String token;

    private SecretKey key;
    private SecureRandom random;
    private Cipher cipher;
    private byte[] json;
    private byte[] iv;
    private byte[] ciphertext;

    private JwtParser parser;
    private String[] tokenParts;

    @Setup
    public void setUp() throws GeneralSecurityException {
        codec = CookieFixtures.codec();
        cache = new OpenedCookieCache(codec, 1_000_000, java.time.Duration.ofMinutes(5));
        payload = CookieFixtures.payload(shape);
        token = codec.seal(payload);
        if (codec.open(token).isEmpty()) {
            throw new IllegalStateException("the fixture cookie does not open");
        }

        key = new SecretKeySpec(BenchKeys.cookieKeyBytes(), "AES");
        random = new SecureRandom();
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        json = CookieFixtures.json(payload);
        iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        ciphertext = cipher.doFinal(json);

        // The parser settings of the former jjwt-based CookieCodec, to compare with what replaced it.
        parser = Jwts.parser().key().clear().add(Jwts.KEY.DIRECT).and()
                .enc().clear().add(Jwts.ENC.A256GCM).and().zip().clear().and()
                .decryptWith(key).build();
        tokenParts = token.split("\\.");
    }

    /** What the filter does with a returning visitor's cookie: decrypt, verify, bind the payload. */
    @Benchmark
    public Optional<CookieCodec.Opened> open() {
        return codec.open(token);
    }

    /**
     * What the filter does per request for a returning visitor: {@link OpenedCookieCache} in front of the
     * codec, hit because the cookie is sent unchanged until it is re-sealed.
     */
    @Benchmark
    public Optional<CookieCodec.Opened> openCached() {
        return cache.open(token);
    }

    /** What the filter does when the cookie must be (re)sent, and for every new visitor. */
    @Benchmark
    public String seal() {
        return codec.seal(payload);
    }

    /** Baseline for {@link #open}: AES-GCM decryption and tag check of the same payload bytes. */
    @Benchmark
    public byte[] rawDecrypt() throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        return cipher.doFinal(ciphertext);
    }

    /** Baseline for {@link #seal}: a fresh IV from the same kind of random source, then AES-GCM. */
    @Benchmark
    public byte[] rawEncrypt() throws GeneralSecurityException {
        byte[] freshIv = new byte[IV_BYTES];
        random.nextBytes(freshIv);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, freshIv));
        return cipher.doFinal(json);
    }

    /** {@link #rawDecrypt} with a new {@link Cipher} per call, as a JCA-generic library does. */
    @Benchmark
    public byte[] partDecryptNewCipher() throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        return c.doFinal(ciphertext);
    }

    /** Base64url decoding of the JWE parts, which {@link #open} cannot avoid. */
    @Benchmark
    public int partBase64() {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        int n = 0;
        for (String part : tokenParts) {
            n += decoder.decode(part).length;
        }
        return n;
    }

    /** jjwt's whole parse (header, key, decryption) without the payload: the codec before issue 12. */
    @Benchmark
    public byte[] partJjwtParse() {
        return parser.parseEncryptedContent(token).getPayload();
    }

    /** The payload read from its decrypted JSON ({@link CookiePayloadJson}), validation included. */
    @Benchmark
    public CookiePayload partJsonRead() throws IOException {
        return CookiePayloadJson.read(json, 0, json.length);
    }

    /** The payload written as JSON, the first step of {@link #seal}. */
    @Benchmark
    public byte[] partJsonWrite() {
        return CookiePayloadJson.write(payload);
    }
}
