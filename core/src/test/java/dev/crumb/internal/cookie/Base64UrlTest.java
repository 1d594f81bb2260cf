package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The edges of the table-driven base64url loops (eight characters per step, then four, then the tail):
 * every length across several steps, every offset, and a foreign character at every position.
 */
@DisplayName("Canonical base64url at every length and position")
class Base64UrlTest {

    private static final Base64.Encoder JDK = Base64.getUrlEncoder().withoutPadding();
    /** Outside the alphabet: padding, the standard alphabet's two, separators, controls, Latin-1 and beyond. */
    private static final char[] FOREIGN = {'=', '+', '/', '.', ' ', '\0', '\u007f', '\u0080', '\u00c1', '\u00ff',
            '\u0141', '\u2603', '\ud800', '@', '`', '[', '{', ':'};

    @Test
    @DisplayName("encodes every length from 0 to 70 bytes, at every output offset, as java.util.Base64 does")
    void encodesEveryLength() {
        Random random = new Random(17);
        for (int length = 0; length <= 70; length++) {
            byte[] bytes = new byte[length + 5];
            random.nextBytes(bytes);
            for (int from = 0; from < 3; from++) {
                for (int at = 0; at < 3; at++) {
                    byte[] out = new byte[at + Base64Url.encodedLength(length) + 2];
                    out[out.length - 1] = 'x';
                    int end = Base64Url.encode(bytes, from, length, out, at);
                    String expected = JDK.encodeToString(Arrays.copyOfRange(bytes, from, from + length));
                    assertThat(end).isEqualTo(at + expected.length());
                    assertThat(new String(out, at, end - at, StandardCharsets.US_ASCII)).isEqualTo(expected);
                    assertThat(out[out.length - 1]).as("nothing written past the end").isEqualTo((byte) 'x');
                }
            }
        }
    }

    @Test
    @DisplayName("decodes every length from 0 to 70 bytes, at every input and output offset, and writes no further")
    void decodesEveryLength() {
        Random random = new Random(18);
        for (int length = 0; length <= 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = JDK.encodeToString(bytes);
            for (int prefix = 0; prefix < 3; prefix++) {
                String text = "..".substring(0, prefix) + encoded + ".";
                byte[] out = new byte[2 + length + 1];
                out[out.length - 1] = 'x';
                int n = Base64Url.decode(text, prefix, text.length() - 1, out, 2);
                assertThat(n).isEqualTo(length);
                assertThat(Arrays.copyOfRange(out, 2, 2 + length)).isEqualTo(bytes);
                assertThat(out[out.length - 1]).as("nothing written past the end").isEqualTo((byte) 'x');
            }
        }
    }

    @Test
    @DisplayName("refuses a foreign character at every position of every length from 1 to 40 bytes")
    void refusesForeignCharacterAnywhere() {
        Random random = new Random(19);
        for (int length = 1; length <= 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = JDK.encodeToString(bytes);
            for (int position = 0; position < encoded.length(); position++) {
                for (char foreign : FOREIGN) {
                    String bad = encoded.substring(0, position) + foreign + encoded.substring(position + 1);
                    assertThat(Base64Url.decode(bad, 0, bad.length(), new byte[length], 0))
                            .as("length %d, %s at %d", length, Integer.toHexString(foreign), position)
                            .isEqualTo(-1);
                }
            }
        }
    }

    @Test
    @DisplayName("refuses lengths no encoding has (1 mod 4)")
    void refusesImpossibleLengths() {
        for (String text : new String[] {"A", "AAAAA", "AAAAAAAAA", "AAAAAAAAAAAAA"}) {
            assertThat(Base64Url.decode(text, 0, text.length(), new byte[16], 0)).isEqualTo(-1);
            assertThat(Base64Url.canonicalEnd(text, 0, text.length())).isFalse();
        }
    }
}
