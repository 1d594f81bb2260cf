package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The visitor cookie on Jetty 12")
class VisitorCookieOnJettyTest extends VisitorCookieContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.jetty();
    }
}
