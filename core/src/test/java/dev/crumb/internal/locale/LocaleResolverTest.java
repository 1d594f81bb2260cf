package dev.crumb.internal.locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Country and language of a new visitor")
class LocaleResolverTest {

    private static HttpServletRequest request(String acceptLanguage, String cdnCountry) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getHeader("Accept-Language")).thenReturn(acceptLanguage);
        when(r.getHeader("CF-IPCountry")).thenReturn(cdnCountry);
        return r;
    }

    private final LocaleResolver resolver = new LocaleResolver(null, "ZZ", "en", List.of());

    @ParameterizedTest(name = "Accept-Language \"{0}\" gives {1} and {2}")
    @CsvSource(delimiter = '|', value = {
            "de-DE|de|DE",
            "fr-CA,fr;q=0.8|fr|CA",
            "en;q=0.5, de-AT;q=0.9|de|AT",
            "pt-br|pt|BR",
            "*|en|ZZ",
            "zh-Hant-TW|zh|ZZ",
            "es-419|es|ZZ",
            "xx-YY|en|ZZ",
            "'<script>'|en|ZZ",
            "de-DE;q=abc|de|DE",
            "-|en|ZZ",
            "'-, de-DE'|de|DE",
            "--|en|ZZ",
            "'-d,;'|en|ZZ",
    })
    void acceptLanguage(String header, String language, String country) {
        LocaleResolver.Resolved r = resolver.resolve(request(header, null));
        assertThat(r.language()).isEqualTo(language);
        assertThat(r.country()).isEqualTo(country);
    }

    @Test
    @DisplayName("no header gives the configured defaults")
    void defaults() {
        LocaleResolver custom = new LocaleResolver(null, "US", "fr", List.of());
        assertThat(custom.resolve(request(null, null))).isEqualTo(new LocaleResolver.Resolved("US", "fr"));
    }

    @Test
    @DisplayName("a trusted CDN header wins over Accept-Language for the country, and is validated")
    void cdnHeader() {
        LocaleResolver withCdn = new LocaleResolver("CF-IPCountry", "ZZ", "en", List.of());
        assertThat(withCdn.resolve(request("de-DE", "ch")).country()).isEqualTo("CH");
        assertThat(withCdn.resolve(request("de-DE", "XX")).country()).isEqualTo("DE");
        assertThat(withCdn.resolve(request("de-DE", "T1")).country()).isEqualTo("DE");
    }

    @Test
    @DisplayName("a remembered Accept-Language answers as the first parse did; a longer one is parsed every time")
    void rememberedAndLongHeaders() {
        for (int i = 0; i < 3; i++) {
            assertThat(resolver.resolve(request("fr-CA,fr;q=0.8", null))).isEqualTo(new LocaleResolver.Resolved("CA", "fr"));
        }
        String longHeader = "xx-YY;q=0.9, ".repeat(LocaleResolver.MAX_REMEMBERED / 10) + "de-AT;q=0.1";
        assertThat(longHeader.length()).isGreaterThan(LocaleResolver.MAX_REMEMBERED);
        assertThat(resolver.resolve(request(longHeader, null))).isEqualTo(new LocaleResolver.Resolved("AT", "de"));
        assertThat(resolver.resolve(request(longHeader, null))).isEqualTo(new LocaleResolver.Resolved("AT", "de"));
    }

    @Test
    @DisplayName("the CDN header is ignored unless configured")
    void cdnHeaderOff() {
        assertThat(resolver.resolve(request("de-DE", "CH")).country()).isEqualTo("DE");
    }

    @Test
    @DisplayName("with offered languages, the best offered one is chosen")
    void offered() {
        LocaleResolver offered = new LocaleResolver(null, "ZZ", "en", List.of("en", "de", "fr"));
        assertThat(offered.resolve(request("it-IT, fr;q=0.7, de;q=0.5", null)).language()).isEqualTo("fr");
        assertThat(offered.resolve(request("it-IT", null))).isEqualTo(new LocaleResolver.Resolved("IT", "en"));
    }

    @Test
    @DisplayName("a huge header is cut before parsing and never fails")
    void hugeHeader() {
        String huge = "de-DE," + "en;q=0.1,".repeat(10_000);
        assertThat(resolver.resolve(request(huge, null)).language()).isEqualTo("de");
    }
}
