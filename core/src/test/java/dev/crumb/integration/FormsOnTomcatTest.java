package dev.crumb.integration;

import dev.crumb.testsupport.ServerFixture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Saved forms, email choices and blocked cookies on Tomcat 11")
class FormsOnTomcatTest extends FormsContract {
    @Override
    protected ServerFixture newFixture() {
        return ServerFixture.tomcat();
    }
}
