package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ReferrerHosts#referral}, which parses a {@code Referer} once and remembers canonical hosts, against
 * the two memoryless answers it replaces ({@code external} and {@code sameSite}), asked of one instance many
 * times so that most answers come from its memory.
 */
@Label("A referral from one parse and remembered hosts")
class ReferralPropertiesTest {

    /** Spellings of the same few hosts and of hosts that have no canonical form. */
    private static final List<String> HOSTS = List.of("shop.test", "Shop.Test", "SHOP.TEST.", "shop.test:8443",
            "user:pw@shop.test", "news.example", "News.Example:80", "bücher.example", "xn--bcher-kva.example",
            "BÜCHER.example", "127.0.0.1", "127.0.0.1:8080", "[2001:DB8::1]", "[2001:db8::1]:443", "-bad-.test",
            "a..b", "exa mple.test", "shop.test:80x", "", "a".repeat(300) + ".test");

    private final ReferrerHosts remembering = new ReferrerHosts();

    @Property(tries = 2_000)
    @Label("the same answers as external and sameSite, from memory or not")
    void sameAnswers(@ForAll("referers") String referer, @ForAll("requestHosts") String requestHost) {
        ReferrerHosts.Referral referral = remembering.referral(referer, requestHost);
        assertThat(referral.externalHost()).isEqualTo(ReferrerHosts.external(referer, requestHost));
        assertThat(referral.sameSite()).isEqualTo(ReferrerHosts.sameSite(referer, requestHost));
        assertThat(referral.host()).isEqualTo(ReferrerHosts.host(referer));
        assertThat(new ReferrerHosts().referral(referer, requestHost)).isEqualTo(referral);
    }

    @Provide
    Arbitrary<String> referers() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "HTTPS://", "ftp://", "", " https://");
        Arbitrary<String> rest = Arbitraries.of("", "/", "/a/b?q=1#x", "?x", "#y");
        return Combinators.combine(scheme, Arbitraries.of(HOSTS), rest).as((s, h, r) -> s + h + r)
                .injectNull(0.05);
    }

    @Provide
    Arbitrary<String> requestHosts() {
        return Arbitraries.of(HOSTS).map(h -> h.contains("@") ? h.substring(h.indexOf('@') + 1) : h).injectNull(0.05);
    }
}
