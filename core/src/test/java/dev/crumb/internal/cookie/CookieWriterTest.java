package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cookie writer")
class CookieWriterTest {

    private final CookieCodec codec = new CookieCodec(CookieKeys.parse(List.of(TestKeys.key(1)), "t"), new SecureRandom());
    private final SetCookieHeader secure = new SetCookieHeader("__Host-crumb", "/", null, Duration.ofDays(390), true, true);
    private final SetCookieHeader plain = new SetCookieHeader("crumb", "/", "example.com", Duration.ofDays(390), false, false);
    private final CookieWriter writer = new CookieWriter(codec, secure, plain);

    private static CookiePayload payload(Map<String, String> form) {
        return new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "US", "en", 1, 2, 1, null, form, null);
    }

    @Test
    @DisplayName("a typical cookie is far below the limit and carries every attribute")
    void attributes() {
        String header = writer.write(payload(null), true).header();
        assertThat(header).startsWith("__Host-crumb=").contains("; Max-Age=33696000; Path=/; Secure; HttpOnly; SameSite=Lax; Partitioned")
                .doesNotContain("Domain");
        assertThat(header.length()).isLessThan(400);
        assertThat(writer.write(payload(null), false).header()).contains("; Domain=example.com").doesNotContain("Secure");
    }

    @Test
    @DisplayName("when saved form data would exceed 4096 bytes, the longest fields give way and are reported")
    void shedsSavedForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Ada Lovelace");
        form.put("street", "x".repeat(1500));
        form.put("city", "y".repeat(1400));
        form.put("email", "ada@example.com");
        CookieWriter.Written written = writer.write(payload(form), true);
        assertThat(SetCookieHeader.fits(written.header())).isTrue();
        assertThat(("Set-Cookie: " + written.header()).length()).isLessThanOrEqualTo(4096);
        assertThat(written.droppedFields()).containsExactly("street");
        assertThat(written.payload().savedForm()).containsOnlyKeys("name", "city", "email");
        assertThat(codec.open(written.header().split("=", 2)[1].split(";")[0]).orElseThrow().payload())
                .isEqualTo(written.payload());
    }

    @Test
    @DisplayName("the delete header expires the cookie at once")
    void delete() {
        assertThat(writer.delete(true)).startsWith("__Host-crumb=; Max-Age=0; Path=/");
    }
}
