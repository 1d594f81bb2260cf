package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Page tracking on Jetty 12")
class TrackingOnJettyTest extends TrackingContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.jetty();
    }
}
