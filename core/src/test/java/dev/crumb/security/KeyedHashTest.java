package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.visitor.VisitorIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The keyed hashes the store keeps instead of visitor IDs and email addresses (consent log, page views,
 * email choices) cannot be turned back into the values by someone who reads the database but lacks the
 * hash key — the insider of {@code docs/security.md}.
 */
@Label("Keyed hashes of visitor IDs and addresses cannot be reversed without the key")
class KeyedHashTest {

    private static final byte[] SITE_KEY = key(0x5a);

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<String> visitorIds() {
        return Arbitraries.randomValue(random -> new VisitorIds(new SecureRandom(longToSeed(random.nextLong()))).next());
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                .flatMap(local -> Arbitraries.of("example.com", "mail.example.org", "gmail.com").map(d -> local + "@" + d));
    }

    @Property(tries = 200)
    @Label("the same visitor ID under two keys hashes differently")
    void keyMatters(@ForAll("visitorIds") String id, @ForAll("keys") byte[] a, @ForAll("keys") byte[] b) {
        if (Arrays.equals(a, b)) {
            return;
        }
        assertThat(new VisitorHasher(a).visitorKey(id)).isNotEqualTo(new VisitorHasher(b).visitorKey(id));
    }

    @Property(tries = 200)
    @Label("a visitor ID's hash contains no eight-character piece of the ID")
    void visitorHashRevealsNoSubstring(@ForAll("visitorIds") String id, @ForAll("keys") byte[] key) {
        assertNoCommonPiece(id, new VisitorHasher(key).visitorKey(id));
    }

    @Property(tries = 200)
    @Label("an address's hash contains no eight-character piece of the address, in any letter case")
    void addressHashRevealsNoSubstring(@ForAll("addresses") String address, @ForAll("keys") byte[] key) {
        String hash = new VisitorHasher(key).addressKey(address);
        assertNoCommonPiece(address.toLowerCase(), hash.toLowerCase());
    }

    @Example
    @Label("a dictionary of common addresses finds nothing without the key, and everything with it")
    void dictionaryAttack() {
        List<String> dictionary = commonAddresses();
        VisitorHasher site = new VisitorHasher(SITE_KEY);
        // What an insider reads from the database: the keyed hashes of real subscribers' addresses.
        Set<String> stolen = new HashSet<>();
        dictionary.subList(0, 300).forEach(a -> stolen.add(site.addressKey(a)));

        List<VisitorHasher> guessedKeys = new ArrayList<>();
        guessedKeys.add(new VisitorHasher(new byte[32]));
        for (int n = 1; n <= 64; n++) {
            guessedKeys.add(new VisitorHasher(key(n)));
        }
        guessedKeys.add(new VisitorHasher("crumb-hash-v1-crumb-hash-v1-crumb".getBytes(StandardCharsets.US_ASCII)));
        int found = 0;
        for (String guess : dictionary) {
            for (String plain : unkeyedHashes(guess)) {
                found += stolen.contains(plain) ? 1 : 0;
            }
            for (VisitorHasher attacker : guessedKeys) {
                found += stolen.contains(attacker.addressKey(guess)) ? 1 : 0;
            }
        }
        assertThat(found).as("matches found without the key").isZero();
        long withKey = dictionary.stream().filter(a -> stolen.contains(site.addressKey(a))).count();
        assertThat(withKey).as("the same attack with the key (so the test attacks the right thing)").isEqualTo(300);
    }

    /**
     * Eight characters, not fewer: a hash is 64 hex digits, so a five-character piece of a value made of hex
     * digits turns up in it by chance about once in 17 000 pieces, which made these 200-try properties fail
     * about once in a few hundred runs; eight characters by chance is about once in 10^11 runs.
     */
    private static void assertNoCommonPiece(String value, String hash) {
        for (int i = 0; i + 8 <= value.length(); i++) {
            assertThat(hash).as("hash of " + value).doesNotContain(value.substring(i, i + 8));
        }
    }

    /** What an attacker might try first: plain digests of the normalised address, in the store's encoding. */
    private static List<String> unkeyedHashes(String address) {
        List<String> out = new ArrayList<>();
        for (String algorithm : new String[] {"SHA-256", "SHA-1", "MD5"}) {
            for (String input : new String[] {address, "email:" + address}) {
                try {
                    byte[] d = MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
                    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 16)));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    private static List<String> commonAddresses() {
        String[] names = {"john", "mary", "james", "linda", "robert", "susan", "michael", "sarah", "david", "karen",
                "info", "admin", "contact", "sales", "support", "hello", "office", "test", "user", "mail"};
        String[] domains = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "example.com",
                "icloud.com", "gmx.de", "web.de", "mail.com"};
        List<String> out = new ArrayList<>();
        for (String n : names) {
            for (String d : domains) {
                out.add(n + "@" + d);
                out.add(n + "1@" + d);
                out.add(n + ".smith@" + d);
            }
        }
        return out;
    }

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static byte[] longToSeed(long seed) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
    }
}
