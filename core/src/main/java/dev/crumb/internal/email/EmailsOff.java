package dev.crumb.internal.email;

import dev.crumb.EmailChoices;
import dev.crumb.internal.web.Endpoints;

/** Email choices without a store: there are none, and the unsubscribe page answers 404. */
enum EmailsOff implements EmailFeature {
    INSTANCE;

    @Override
    public EmailChoices choices() {
        throw new IllegalStateException("email choices need a store: configure CrumbConfig.builder().store(...)");
    }

    @Override
    public void register(Endpoints endpoints) {
        // Off: no unsubscribe page.
    }
}
