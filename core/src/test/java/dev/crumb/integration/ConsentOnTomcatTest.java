package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Consent on Tomcat 11")
class ConsentOnTomcatTest extends ConsentContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.tomcat();
    }
}
