package dev.crumb;

/**
 * Marketing email choices: record an opt-in from a form's (never pre-ticked) checkbox, ask whether an
 * address may receive promotions, and make unsubscribe links. The store keeps only keyed hashes of
 * addresses; "reply only" forms never call {@link #optIn}. Thread-safe: keep one and use it from
 * request threads and batch jobs alike. Get it from {@link Crumb#emails} or {@link CrumbFilter#emails()}.
 */
public interface EmailChoices {

    /**
     * Records that {@code address} opted in to marketing email, under the current policy revision, when
     * the evidence shows the policy allows it: the opt-in box was ticked, and the form does not report an
     * age under 13 in the configured {@code age-field}. Call it with every submission of a form that has
     * the box; the result says what happened, so the page can tell the visitor.
     *
     * <pre>{@code
     * OptInResult r = Crumb.emails(request).optIn(email, OptInEvidence.fromRequest(request, "contact", "marketing"));
     * }</pre>
     */
    OptInResult optIn(String address, OptInEvidence evidence);

    /** Whether {@code address} may receive promotions now: it opted in and did not unsubscribe since. */
    boolean mayEmail(String address);

    /**
     * Puts {@code address} on the suppression list; it is not eligible again until it opts in again.
     * Idempotent.
     *
     * @throws IllegalArgumentException when the address is not plausibly an email address
     */
    void suppress(String address);

    /**
     * The site-relative unsubscribe link for emails to {@code address} (for the email's footer and its
     * {@code List-Unsubscribe} header). The link holds a signed token, not the address, and keeps working
     * after cookie-key rotations.
     */
    String unsubscribeLink(String address);
}
