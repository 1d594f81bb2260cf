package dev.crumb.internal.cookie;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random valid payloads for property tests: any UTF-16 text (controls and lone surrogates included). */
final class CookiePayloads {

    private CookiePayloads() {
    }

    static Arbitrary<CookiePayload> any() {
        Arbitrary<String> id = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMinLength(22).ofMaxLength(64);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<Long> first = Arbitraries.longs().between(0, 4_000_000_000L);
        Arbitrary<Long> age = Arbitraries.longs().between(0, 1_000_000_000L);
        Arbitrary<Integer> visit = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<CookiePayload.StoredConsent> consent = Combinators.combine(
                        Arbitraries.integers(), Arbitraries.integers(), Arbitraries.longs(), Arbitraries.integers(),
                        Arbitraries.of(Boolean.TRUE).injectNull(0.5))
                .as(CookiePayload.StoredConsent::new).injectNull(0.3);
        Arbitrary<Map<String, String>> form = Arbitraries.maps(Arbitraries.strings().ofMaxLength(10),
                Arbitraries.strings().ofMaxLength(200)).ofMaxSize(5).injectNull(0.4);
        Arbitrary<Boolean> chosen = Arbitraries.of(Boolean.TRUE).injectNull(0.5);
        return Combinators.combine(id, text, text, first, age, visit, consent, form)
                .as((i, c, l, f, a, n, k, d) -> new CookiePayload(i, c, l, f, f + a, n, k, d, null))
                .flatMap(p -> chosen.map(x -> p.withLocale(p.country(), p.language(), Boolean.TRUE.equals(x))));
    }
}
