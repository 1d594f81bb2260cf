package dev.crumb;

import static dev.crumb.CrumbConfigException.check;

/**
 * The marketing-email options: who mails an address its unsubscribe link when a visitor asks for it on
 * {@code /crumb/unsubscribe}. Email choices themselves need a store ({@link CrumbConfig.Builder#store}).
 * Build one with {@link #builder()} and give it to {@link CrumbConfig.Builder#email}, or use the shortcut
 * {@link CrumbConfig.Builder#unsubscribeConfirmations}.
 */
public final class EmailOptions {

    private final UnsubscribeConfirmations unsubscribeConfirmations;

    private EmailOptions(UnsubscribeConfirmations unsubscribeConfirmations) {
        this.unsubscribeConfirmations = unsubscribeConfirmations;
    }

    /** A builder with the default: no confirmation mails, the unsubscribe page points to the emails' links. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.unsubscribeConfirmations = unsubscribeConfirmations;
        return b;
    }

    /** Who mails an address its unsubscribe link when asked on the form, or {@code null}: no form. */
    public UnsubscribeConfirmations unsubscribeConfirmations() {
        return unsubscribeConfirmations;
    }

    /** Builds {@link EmailOptions}. */
    public static final class Builder {
        private UnsubscribeConfirmations unsubscribeConfirmations;

        private Builder() {
        }

        /**
         * Lets visitors ask for their unsubscribe link on {@code /crumb/unsubscribe}: the form then mails the
         * link to the address (through {@code sender}) instead of unsubscribing it, so nobody can unsubscribe
         * another person's address. Without it (the default) that page only points to the link in every email.
         */
        public Builder unsubscribeConfirmations(UnsubscribeConfirmations sender) {
            check(sender != null, "unsubscribe-confirmations", "unsubscribe confirmations need a sender");
            this.unsubscribeConfirmations = sender;
            return this;
        }

        /** Builds the email options. */
        public EmailOptions build() {
            return new EmailOptions(unsubscribeConfirmations);
        }
    }
}
