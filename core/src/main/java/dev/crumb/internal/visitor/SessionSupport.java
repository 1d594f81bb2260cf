package dev.crumb.internal.visitor;

import dev.crumb.internal.locale.LocaleResolver;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.http.CsrfTokens;
import java.util.Objects;

/** The shared, thread-safe services a {@link VisitorSession} calls on. */
public record SessionSupport(CsrfTokens csrf, LocaleResolver locales, ConsentRules consent) {
    public SessionSupport {
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(locales, "locales");
        Objects.requireNonNull(consent, "consent");
    }

    /** Support with the default consent rules (default regions, policy revision 1). */
    public SessionSupport(CsrfTokens csrf, LocaleResolver locales) {
        this(csrf, locales, ConsentRules.defaults());
    }
}
