package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Whether a request's Origin shows it comes from this site")
class SameOriginRequestsTest {

    private static boolean sameOrigin(String origin, String host) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Origin")).thenReturn(origin);
        when(request.getHeader("Host")).thenReturn(host);
        return SameOriginRequests.sameOrigin(request);
    }

    @ParameterizedTest(name = "{0} for Host {1}: {2}")
    @CsvSource({
            "https://shop.example, shop.example, true",
            "http://shop.example:8080, shop.example:8080, true",
            "https://shop.example:443, shop.example, true",
            "https://evil.example, shop.example, false",
            "https://evil@shop.example, shop.example, false",
            "https://user:pw@shop.example, shop.example, false",
            "https://shop.example@evil.example, shop.example, false",
            "https://shop.example/path, shop.example, false",
            "https://shop.example?q=1, shop.example, false",
            "null, shop.example, false",
            "ftp://shop.example, shop.example, false"})
    @DisplayName("only scheme, host and port equal to Host count; user info, paths and queries never do")
    void origins(String origin, String host, boolean expected) {
        assertThat(sameOrigin(origin, host)).isEqualTo(expected);
    }
}
