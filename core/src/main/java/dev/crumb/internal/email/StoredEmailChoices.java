package dev.crumb.internal.email;

import dev.crumb.EmailChoices;
import dev.crumb.OptInEvidence;
import dev.crumb.OptInResult;
import dev.crumb.internal.form.FormFieldPolicy;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.EmailRegistry;
import java.time.Clock;
import java.util.Objects;

/** {@link EmailChoices} over the store's {@link EmailRegistry}, keyed by hashes of normalised addresses. */
final class StoredEmailChoices implements EmailChoices {

    private static final int MAX_FORM_NAME = 64;

    private final EmailRegistry registry;
    private final VisitorHasher hasher;
    private final UnsubscribeTokens tokens;
    private final Clock clock;
    private final int policyRevision;
    private final String unsubscribePath;
    private final FormFieldPolicy forms;

    public StoredEmailChoices(EmailRegistry registry, VisitorHasher hasher, UnsubscribeTokens tokens, Clock clock,
                              int policyRevision, String unsubscribePath) {
        this(registry, hasher, tokens, clock, policyRevision, unsubscribePath,
                new FormFieldPolicy(FormFieldPolicy.DEFAULT_FIELDS, "age"));
    }

    /** @param forms the form rules whose age field tells a child's submission */
    public StoredEmailChoices(EmailRegistry registry, VisitorHasher hasher, UnsubscribeTokens tokens, Clock clock,
                              int policyRevision, String unsubscribePath, FormFieldPolicy forms) {
        this.forms = Objects.requireNonNull(forms, "forms");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policyRevision = policyRevision;
        this.unsubscribePath = Objects.requireNonNull(unsubscribePath, "unsubscribePath");
    }

    @Override
    public OptInResult optIn(String address, OptInEvidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        if (!evidence.ticked()) {
            return OptInResult.NOT_TICKED;
        }
        if (forms.reportsChild(evidence.submitted())) {
            return OptInResult.UNDER_13;
        }
        if (!EmailAddresses.plausible(address)) {
            return OptInResult.NOT_AN_ADDRESS;
        }
        String form = evidence.formName().strip();
        registry.optIn(hasher.addressKey(address), clock.instant(), policyRevision,
                form.length() > MAX_FORM_NAME ? form.substring(0, MAX_FORM_NAME) : form);
        return OptInResult.RECORDED;
    }

    @Override
    public boolean mayEmail(String address) {
        return EmailAddresses.plausible(address) && registry.mayEmail(hasher.addressKey(address));
    }

    @Override
    public void suppress(String address) {
        requirePlausible(address);
        registry.suppress(hasher.addressKey(address), clock.instant());
    }

    @Override
    public String unsubscribeLink(String address) {
        requirePlausible(address);
        return unsubscribePath + "?token=" + tokens.issue(hasher.addressKey(address));
    }

    private static void requirePlausible(String address) {
        if (!EmailAddresses.plausible(address)) {
            throw new IllegalArgumentException("not an email address; check the form's email field before recording a choice");
        }
    }
}
