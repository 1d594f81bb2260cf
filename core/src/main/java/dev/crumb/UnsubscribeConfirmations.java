package dev.crumb;

/**
 * Sends an address its own unsubscribe link when somebody asks for it on the {@code /crumb/unsubscribe}
 * form. The form itself never unsubscribes anyone — anybody could type any address there — so the link
 * goes to the address, and only whoever reads that mailbox can use it. Crumb calls this only for addresses
 * that may receive promotions ({@link EmailChoices#mayEmail}); the form answers the same whatever the
 * address. Configure it with {@link CrumbConfig.Builder#unsubscribeConfirmations}; without it the form is
 * not shown and the page points to the link in every email.
 */
@FunctionalInterface
public interface UnsubscribeConfirmations {

    /**
     * Sends {@code unsubscribeLink} (site-relative: prefix it with the site's address) to {@code address}.
     * Called on the request thread: queue the email rather than wait for the mail server. An exception is
     * logged by class name only and the visitor sees the usual answer.
     */
    void send(String address, String unsubscribeLink);
}
