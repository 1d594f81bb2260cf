package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The gate reads a {@code Set-Cookie} line's lifetime as browsers do (RFC 6265bis), over permutations of
 * attributes in any letter case and with any spaces and tabs. The oracle is the rule itself, kept
 * abstract: the last valid Max-Age decides; without one, the last valid Expires; a line with neither is a
 * session cookie, which stores.
 */
@Label("Set-Cookie lifetimes read as browsers read them")
class SetCookieExpiryPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** One attribute: how it is written, and what it means for the lifetime. */
    record Attribute(String text, Effect effect) {
    }

    /** What an attribute means for the lifetime: nothing, or a valid Max-Age / Expires of this sign. */
    enum Effect { NONE, MAX_AGE_DELETES, MAX_AGE_STORES, EXPIRES_PAST, EXPIRES_FUTURE }

    @Property(tries = 3000)
    @Label("the last valid Max-Age wins, Max-Age beats Expires, the last valid Expires counts otherwise")
    void lifetimeFollowsTheRules(@ForAll("lines") List<Attribute> attributes, @ForAll("spaces") String lead) {
        String line = lead + "x" + lead + "=" + lead + "v" + render(attributes);
        assertThat(SetCookieExpiry.of(line, NOW)).as(line).isEqualTo(expected(attributes));
    }

    @Property(tries = 3000)
    @Label("a cookie of a refused category passes the gate only when the line can only delete it")
    void refusedCookiePassesOnlyAsDeletion(@ForAll("lines") List<Attribute> attributes) {
        CookieGate gate = new CookieGate(new CookieRegistry(List.of(), Category.MARKETING, java.util.Set.of()),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        String line = "promo=v" + render(attributes);
        boolean passes = gate.allows(SetCookieValues.name(line), gate.deletes(line), c -> false);
        assertThat(passes).as(line).isEqualTo(expected(attributes) == SetCookieExpiry.Kind.DELETES);
    }

    @Property(tries = 2000)
    @Label("never throws, whatever the line")
    void anyLine(@ForAll String line) {
        assertThat(SetCookieExpiry.of(line, NOW)).isNotNull();
        assertThat(SetCookieExpiry.of("x=v; Max-Age=" + line, NOW)).isNotNull();
        assertThat(SetCookieExpiry.of("x=v; Expires=" + line, NOW)).isNotNull();
    }

    private static SetCookieExpiry.Kind expected(List<Attribute> attributes) {
        Effect maxAge = null;
        Effect expires = null;
        for (Attribute a : attributes) {
            switch (a.effect()) {
                case MAX_AGE_DELETES, MAX_AGE_STORES -> maxAge = a.effect();
                case EXPIRES_PAST, EXPIRES_FUTURE -> expires = a.effect();
                case NONE -> { }
            }
        }
        if (maxAge != null) {
            return maxAge == Effect.MAX_AGE_DELETES ? SetCookieExpiry.Kind.DELETES : SetCookieExpiry.Kind.STORES;
        }
        return expires == Effect.EXPIRES_PAST ? SetCookieExpiry.Kind.DELETES : SetCookieExpiry.Kind.STORES;
    }

    private static String render(List<Attribute> attributes) {
        StringBuilder b = new StringBuilder();
        for (Attribute a : attributes) {
            b.append(';').append(a.text());
        }
        return b.toString();
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.of("", " ", "\t", "  ", " \t ");
    }

    @Provide
    Arbitrary<List<Attribute>> lines() {
        return attribute().list().ofMaxSize(6);
    }

    private Arbitrary<Attribute> attribute() {
        Arbitrary<String> ws = spaces();
        Arbitrary<Attribute> maxAge = Combinators.combine(Arbitraries.longs().between(-100_000_000L, 100_000_000L),
                Arbitraries.integers().between(0, 2)).as((n, zeros) -> new Attribute("0".repeat(zeros) + "" + n, n <= 0
                        ? Effect.MAX_AGE_DELETES : Effect.MAX_AGE_STORES))
                .map(a -> a.text().startsWith("0") && a.text().contains("-")
                        ? new Attribute(a.text(), Effect.NONE) // "0-5" is no delta-seconds: ignored
                        : a);
        Arbitrary<Attribute> badMaxAge = Arbitraries.of("", "abc", "+5", "5s", "--1", "1.5", "0x10", "- 1", "1 0")
                .map(v -> new Attribute(v, Effect.NONE));
        Arbitrary<Attribute> maxAgeAny = Arbitraries.oneOf(maxAge, badMaxAge);
        Arbitrary<Attribute> maxAgeAttr = Combinators.combine(casing("Max-Age"), ws, ws, ws, maxAgeAny)
                .as((name, w1, w2, w3, v) -> new Attribute(w1 + name + w2 + "=" + w3 + v.text() + w1, v.effect()));
        Arbitrary<Attribute> expiresValue = Arbitraries.of(
                new Attribute("Thu, 01 Jan 1970 00:00:00 GMT", Effect.EXPIRES_PAST),
                new Attribute("Wed, 21 Oct 2015 07:28:00 GMT", Effect.EXPIRES_PAST),
                new Attribute("Sunday, 06-Nov-94 08:49:37 GMT", Effect.EXPIRES_PAST),
                new Attribute("Fri, 31 Dec 2100 23:59:59 GMT", Effect.EXPIRES_FUTURE),
                new Attribute("Tue, 01 Jan 2030 00:00:00 GMT", Effect.EXPIRES_FUTURE),
                new Attribute("01 Jan 35 00:00:00", Effect.EXPIRES_FUTURE),
                new Attribute("Thu, 01 Jan 1500 00:00:00 GMT", Effect.NONE), // before 1601: ignored
                new Attribute("Mon, 31 Feb 1999 00:00:00 GMT", Effect.NONE), // no such date: ignored
                new Attribute("yesterday", Effect.NONE),
                new Attribute("", Effect.NONE));
        Arbitrary<Attribute> expiresAttr = Combinators.combine(casing("Expires"), ws, ws, expiresValue)
                .as((name, w1, w2, v) -> new Attribute(w1 + name + w2 + "=" + w2 + v.text(), v.effect()));
        Arbitrary<Attribute> other = Combinators.combine(Arbitraries.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax",
                        "Domain=example.org", "Partitioned", "Max-Agee=0", "MaxAge=0", "Expire=Thu, 01 Jan 1970 00:00:00 GMT",
                        "x-Max-Age=0"), ws)
                .as((text, w) -> new Attribute(w + text + w, Effect.NONE));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, maxAgeAttr), net.jqwik.api.Tuple.of(3, expiresAttr), net.jqwik.api.Tuple.of(3, other));
    }

    private static Arbitrary<String> casing(String name) {
        return Arbitraries.integers().between(0, (1 << name.length()) - 1).map(mask -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                String c = String.valueOf(name.charAt(i));
                b.append((mask >> i & 1) == 1 ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT));
            }
            return b.toString();
        });
    }
}
