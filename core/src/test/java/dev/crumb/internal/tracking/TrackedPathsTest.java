package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Recorded paths")
class TrackedPathsTest {

    private final TrackedPaths plain = new TrackedPaths(UnaryOperator.identity());

    @Test
    @DisplayName("percent-encoded UTF-8 is decoded")
    void decodes() {
        assertThat(plain.recorded("/caf%C3%A9/a%20b")).isEqualTo("/café/a b");
    }

    @Test
    @DisplayName("invalid UTF-8 and control characters become U+FFFD")
    void sanitises() {
        assertThat(plain.recorded("/a%FFb")).isEqualTo("/a\uFFFDb");
        assertThat(plain.recorded("/a%0D%0ASet-Cookie:x")).isEqualTo("/a\uFFFD\uFFFDSet-Cookie:x");
        assertThat(plain.recorded("/a%00b%7F%C2%85")).isEqualTo("/a\uFFFDb\uFFFD\uFFFD");
        assertThat(plain.recorded("/bad%zz")).isEqualTo("/bad%zz");
    }

    @Test
    @DisplayName("a plain path comes back as it was, and every character at the edges of printable ASCII is judged as in any other path")
    void plainAndEdges() {
        String plainPath = "/products/a-b_c.d~e!$&'()*+,;=:@";
        assertThat(TrackedPaths.sanitise(plainPath)).isSameAs(plainPath);
        assertThat(plain.recorded("/a\u001fb")).isEqualTo("/a\uFFFDb");
        assertThat(plain.recorded("/a b~")).isEqualTo("/a b~");
        assertThat(plain.recorded("/a\u007fb")).isEqualTo("/a\uFFFDb");
        assertThat(plain.recorded("/a\u009fb\u00a0c")).isEqualTo("/a\uFFFDb\u00a0c");
        assertThat(plain.recorded("/caf\u00e9")).isEqualTo("/caf\u00e9");
        assertThat(plain.recorded("/a\ud800b")).isEqualTo("/a\uFFFDb");
        assertThat(plain.recorded("/" + "b".repeat(511) + "\u00e9")).hasSize(TrackedPaths.MAX_LENGTH).endsWith("…");
    }

    @Test
    @DisplayName("an empty path is / and a path always starts with /")
    void leadingSlash() {
        assertThat(plain.recorded("")).isEqualTo("/");
        assertThat(plain.recorded("page")).isEqualTo("/page");
    }

    @Test
    @DisplayName("paths longer than 512 characters are cut and marked with …")
    void capped() {
        String recorded = plain.recorded("/" + "a".repeat(2000));
        assertThat(recorded).hasSize(TrackedPaths.MAX_LENGTH).endsWith("…").startsWith("/aaa");
        assertThat(plain.recorded("/" + "a".repeat(511))).hasSize(512).doesNotContain("…");
    }

    @Test
    @DisplayName("the site's normaliser maps paths to templates")
    void normaliser() {
        TrackedPaths paths = new TrackedPaths(p -> p.replaceAll("^/products/\\d+$", "/products/{id}"));
        assertThat(paths.recorded("/products/123")).isEqualTo("/products/{id}");
        assertThat(paths.recorded("/products/new")).isEqualTo("/products/new");
    }

    @Test
    @DisplayName("a normaliser returning null leaves the page out")
    void normaliserExcludes() {
        TrackedPaths paths = new TrackedPaths(p -> p.startsWith("/admin") ? null : p);
        assertThat(paths.recorded("/admin/users")).isNull();
        assertThat(paths.recorded("/home")).isEqualTo("/home");
    }

    @Test
    @DisplayName("a normaliser that throws is bypassed, and its output is sanitised too")
    void normaliserFailures() {
        assertThat(new TrackedPaths(p -> { throw new IllegalStateException("boom"); }).recorded("/x")).isEqualTo("/x");
        assertThat(new TrackedPaths(p -> p + "\n" + "b".repeat(600)).recorded("/x")).startsWith("/x\uFFFDbbb")
                .hasSize(TrackedPaths.MAX_LENGTH);
    }
}
