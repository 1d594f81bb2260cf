package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("TRACE refused on Jetty 12")
class TraceOnJettyTest extends TraceContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.jetty();
    }
}
