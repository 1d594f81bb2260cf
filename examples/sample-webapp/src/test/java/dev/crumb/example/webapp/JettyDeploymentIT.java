package dev.crumb.example.webapp;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The example WAR in a standalone Jetty 12 (ee10)")
class JettyDeploymentIT extends DeploymentContract {
    @Override
    Container create() throws Exception {
        return new JettyContainer();
    }
}
