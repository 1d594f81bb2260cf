package dev.crumb;

/** What {@link EmailChoices#optIn} did with an opt-in. Only {@link #RECORDED} makes the address eligible. */
public enum OptInResult {
    /** The opt-in is recorded: the address may receive promotions until it unsubscribes. */
    RECORDED,
    /** The opt-in box was not ticked, so nothing was recorded; a "reply only" answer. */
    NOT_TICKED,
    /**
     * The form reports an age under 13 in the configured {@code age-field}: the policy collects nothing
     * from children, so nothing was recorded. Tell the visitor that news cannot be sent.
     */
    UNDER_13,
    /** The address is not plausibly an email address; nothing was recorded. Ask the visitor to check it. */
    NOT_AN_ADDRESS;

    /** Whether the opt-in was recorded. */
    public boolean recorded() {
        return this == RECORDED;
    }
}
