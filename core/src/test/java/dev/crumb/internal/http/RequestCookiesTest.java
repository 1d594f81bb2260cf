package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The values of one cookie, read from the Cookie headers")
class RequestCookiesTest {

    private static List<String> values(String name, String... headers) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeaders("Cookie")).thenReturn(Collections.enumeration(List.of(headers)));
        return RequestCookies.values(request, name);
    }

    @Test
    @DisplayName("finds the name among others, with or without spaces, in every header, in order")
    void findsEveryValue() {
        assertThat(values("crumb", "a=1; crumb=abc.def; b=2")).containsExactly("abc.def");
        assertThat(values("crumb", "crumb=first;crumb=second", "x=y;  crumb = third ")).containsExactly("first",
                "second", "third");
        assertThat(values("__Host-crumb", "__Host-crumb=v1; crumb=v2")).containsExactly("v1");
    }

    @Test
    @DisplayName("a name that only starts or ends like it, a pair without '=', and no header at all give nothing")
    void ignoresLookalikes() {
        assertThat(values("crumb", "crumbs=1; xcrumb=2; crumb; =crumb; a=crumb")).isEmpty();
        assertThat(values("crumb")).isEmpty();
        HttpServletRequest none = mock(HttpServletRequest.class);
        assertThat(RequestCookies.values(none, "crumb")).isEmpty();
    }

    @Test
    @DisplayName("quotes around a value are removed; an empty value is kept as empty")
    void quotesAndEmptyValues() {
        assertThat(values("crumb", "crumb=\"abc\"; other=\"x\"")).containsExactly("abc");
        assertThat(values("crumb", "crumb=; crumb=\"\"")).containsExactly("", "");
        assertThat(values("crumb", "crumb=\"")).containsExactly("\"");
    }
}
