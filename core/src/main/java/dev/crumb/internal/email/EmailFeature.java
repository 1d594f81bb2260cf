package dev.crumb.internal.email;

import dev.crumb.EmailChoices;
import dev.crumb.UnsubscribeConfirmations;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.form.FormFieldPolicy;
import dev.crumb.internal.web.Endpoints;
import dev.crumb.store.EmailRegistry;
import java.time.Clock;

/**
 * Marketing email choices as the engine composes them: over the store, with the unsubscribe page below
 * {@code <prefix>/unsubscribe}; or {@link #off()} without a store, when asking for the choices says that
 * they need one and the unsubscribe page answers 404.
 */
public interface EmailFeature {

    /**
     * Email choices kept in {@code registry}, unsubscribe links signed with {@code unsubscribeKey}.
     *
     * @param confirmations who mails an address its link when asked, or {@code null}: no form
     */
    static EmailFeature over(EmailRegistry registry, VisitorHasher hasher, byte[] unsubscribeKey, Clock clock,
                             int policyRevision, String prefix, FormFieldPolicy forms,
                             UnsubscribeConfirmations confirmations) {
        UnsubscribeTokens tokens = new UnsubscribeTokens(unsubscribeKey);
        String action = prefix + "/unsubscribe";
        StoredEmailChoices choices = new StoredEmailChoices(registry, hasher, tokens, clock, policyRevision, action, forms);
        return new StoredEmails(choices, new UnsubscribeEndpoint(registry, choices, tokens, clock, action, confirmations));
    }

    /** Without a store: no choices, no unsubscribe page. */
    static EmailFeature off() {
        return EmailsOff.INSTANCE;
    }

    /**
     * The choices.
     *
     * @throws IllegalStateException when off: email choices need a store
     */
    EmailChoices choices();

    /** Adds the unsubscribe page (none when off). */
    void register(Endpoints endpoints);

    /** Email choices over the store and their unsubscribe page. */
    record StoredEmails(EmailChoices choices, UnsubscribeEndpoint unsubscribe) implements EmailFeature {
        @Override
        public void register(Endpoints endpoints) {
            endpoints.add("/unsubscribe", unsubscribe);
        }
    }
}
