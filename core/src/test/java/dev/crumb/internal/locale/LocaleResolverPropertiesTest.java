package dev.crumb.internal.locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Country and language from any Accept-Language header")
class LocaleResolverPropertiesTest {

    private final LocaleResolver resolver = new LocaleResolver("CF-IPCountry", "ZZ", "en", List.of());

    @Property(tries = 2000)
    @Label("never throws and always gives valid codes, for header-like input")
    void headerLike(@ForAll("headerLike") String header, @ForAll("headerLike") String country) {
        check(header, country);
    }

    @Property(tries = 1000)
    @Label("never throws and always gives valid codes, for any string")
    void anyString(@ForAll String header, @ForAll String country) {
        check(header, country);
    }

    private void check(String header, String country) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Accept-Language")).thenReturn(header);
        when(request.getHeader("CF-IPCountry")).thenReturn(country);
        LocaleResolver.Resolved r = resolver.resolve(request);
        assertThat(Countries.normalise(r.country())).isEqualTo(r.country());
        assertThat(Languages.normalise(r.language())).isEqualTo(r.language());
    }

    @Provide
    Arbitrary<String> headerLike() {
        return Arbitraries.strings().withChars("abcdeDEUS-_,;=q.0123456789* ").ofMaxLength(24);
    }
}
