package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Redirect targets")
class SafeRedirectsTest {

    @ParameterizedTest(name = "\"{0}\" is kept")
    @ValueSource(strings = {"/", "/products", "/products/7?tab=specs#top", "/a/b/../c", "/search?q=%2F%2Fx"})
    void sameOriginPathsAreKept(String path) {
        assertThat(SafeRedirects.sameOriginPath(path)).isEqualTo(path);
    }

    @ParameterizedTest(name = "\"{0}\" becomes /")
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil", "\\\\evil", "javascript:alert(1)",
            "evil.example", "http:/evil", "/\t/evil", "/\r\nLocation: x", "", " /x",
            "/\u00e9", "data:text/html,x", "///evil"})
    void foreignTargetsBecomeRoot(String target) {
        assertThat(SafeRedirects.sameOriginPath(target)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("percent-encoded line breaks stay encoded: they cannot split the Location header")
    void encodedLineBreaksStayEncoded() {
        assertThat(SafeRedirects.sameOriginPath("/%0d%0aSet-Cookie:x")).isEqualTo("/%0d%0aSet-Cookie:x");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("asciiOnly percent-encodes non-ASCII as UTF-8 and keeps what is already encoded (issue 17)")
    void asciiOnly() {
        assertThat(SafeRedirects.asciiOnly("/cart?q=Zürich€&r=%E2%82%AC")).isEqualTo("/cart?q=Z%C3%BCrich%E2%82%AC&r=%E2%82%AC");
        assertThat(SafeRedirects.asciiOnly("/a b\r\n")).isEqualTo("/a%20b%0D%0A");
        assertThat(SafeRedirects.asciiOnly("/emoji/\uD83D\uDE00")).isEqualTo("/emoji/%F0%9F%98%80");
        assertThat(SafeRedirects.sameOriginPath(SafeRedirects.asciiOnly("/products?q=Zürich"))).isEqualTo("/products?q=Z%C3%BCrich");
    }
}
