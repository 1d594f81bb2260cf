package dev.crumb.internal.visitor;

import dev.crumb.internal.web.CsrfTokens;
import java.util.Objects;

/** The shared, thread-safe services a {@link VisitorSession} calls on. */
public record SessionSupport(CsrfTokens csrf, LocaleResolver locales) {
    public SessionSupport {
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(locales, "locales");
    }
}
