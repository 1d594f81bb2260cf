package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.NonCanonicalCookies;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The cookie's base64url against {@code java.util.Base64}, the independent implementation. */
@Label("Canonical base64url")
class Base64UrlPropertiesTest {

    private static final Base64.Encoder JDK = Base64.getUrlEncoder().withoutPadding();

    @Property(tries = 500)
    @Label("encodes exactly as java.util.Base64 without padding, at any offset")
    void encodesAsJdk(@ForAll @Size(max = 300) byte[] bytes, @ForAll @Size(max = 5) byte[] prefix) {
        byte[] out = new byte[prefix.length + Base64Url.encodedLength(bytes.length)];
        int end = Base64Url.encode(bytes, 0, bytes.length, out, prefix.length);
        assertThat(end).isEqualTo(out.length);
        assertThat(new String(out, prefix.length, end - prefix.length, StandardCharsets.US_ASCII))
                .isEqualTo(JDK.encodeToString(bytes));
    }

    @Property(tries = 500)
    @Label("decodes what java.util.Base64 encodes, and nothing else of that length")
    void decodesJdk(@ForAll @Size(min = 1, max = 300) byte[] bytes) {
        String text = "." + JDK.encodeToString(bytes) + ".";
        byte[] out = new byte[bytes.length + 3];
        int n = Base64Url.decode(text, 1, text.length() - 1, out, 3);
        assertThat(n).isEqualTo(bytes.length);
        assertThat(Arrays.copyOfRange(out, 3, 3 + n)).isEqualTo(bytes);
        assertThat(Base64Url.canonicalEnd(text, 1, text.length() - 1)).isTrue();
    }

    @Property(tries = 300)
    @Label("refuses padding and set unused bits, which java.util.Base64 accepts")
    void refusesNonCanonical(@ForAll @Size(min = 1, max = 300) byte[] bytes) {
        String canonical = JDK.encodeToString(bytes);
        if (canonical.length() % 4 == 0) {
            return; // no unused bits, no padding
        }
        String padded = Base64.getUrlEncoder().encodeToString(bytes);
        String bits = NonCanonicalCookies.withLowBitSet(canonical);
        assertThat(Base64.getUrlDecoder().decode(bits)).isEqualTo(bytes); // the JDK reads the same bytes
        byte[] out = new byte[bytes.length + 2];
        assertThat(Base64Url.decode(padded, 0, padded.length(), out, 0)).isEqualTo(-1);
        assertThat(Base64Url.decode(bits, 0, bits.length(), out, 0)).isEqualTo(-1);
        assertThat(Base64Url.canonicalEnd(padded, 0, padded.length())).isFalse();
        assertThat(Base64Url.canonicalEnd(bits, 0, bits.length())).isFalse();
    }

    @Property(tries = 300)
    @Label("refuses any character outside the URL alphabet")
    void refusesForeignCharacters(@ForAll @Size(min = 4, max = 40) byte[] bytes, @ForAll char foreign) {
        if (Character.isLetterOrDigit(foreign) && foreign < 128 || foreign == '-' || foreign == '_') {
            return;
        }
        String text = JDK.encodeToString(bytes);
        String bad = foreign + text.substring(1);
        assertThat(Base64Url.decode(bad, 0, bad.length(), new byte[bytes.length], 0)).isEqualTo(-1);
    }
}
