package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The paths the demo has Crumb record")
class DemoServerTest {

    @Test
    @DisplayName("keep each product page apart, since which products are viewed is what the dashboard is for")
    void productPagesKeepTheirPaths() {
        assertThat(DemoServer.trackedPath("/products/st24-stapler")).isEqualTo("/products/st24-stapler");
        assertThat(DemoServer.trackedPath("/products/")).isEqualTo("/products");
        assertThat(DemoServer.trackedPath("/")).isEqualTo("/");
    }

    @Test
    @DisplayName("leave out the analysts' own dashboard")
    void dashboardIsLeftOut() {
        assertThat(DemoServer.trackedPath("/analytics")).isNull();
    }
}
