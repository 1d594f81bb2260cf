package dev.crumb.example.webapp;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The example WAR in a standalone Tomcat 11")
class TomcatDeploymentIT extends DeploymentContract {
    @Override
    Container create() throws Exception {
        return new TomcatContainer();
    }
}
