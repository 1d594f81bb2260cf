package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("TRACE refused on Tomcat 11")
class TraceOnTomcatTest extends TraceContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.tomcat();
    }
}
