package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The visitor cookie on Tomcat 11")
class VisitorCookieOnTomcatTest extends VisitorCookieContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.tomcat();
    }
}
