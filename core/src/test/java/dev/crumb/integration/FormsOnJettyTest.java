package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Saved forms, email choices and blocked cookies on Jetty 12")
class FormsOnJettyTest extends FormsContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.jetty();
    }
}
