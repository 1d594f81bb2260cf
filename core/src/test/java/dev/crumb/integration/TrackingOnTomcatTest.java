package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Page tracking on Tomcat 11")
class TrackingOnTomcatTest extends TrackingContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.tomcat();
    }
}
