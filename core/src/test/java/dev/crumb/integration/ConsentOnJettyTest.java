package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Consent on Jetty 12")
class ConsentOnJettyTest extends ConsentContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.jetty();
    }
}
