package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

@DisplayName("Whether Crumb handled a request")
class CrumbHandledTest {

    @Test
    @DisplayName("a request that did not pass the filter is not handled, and the API says how to fix that")
    void notHandled() {
        HttpServletRequest bare = Mockito.mock(HttpServletRequest.class);
        assertThat(Crumb.handled(bare)).isFalse();
        assertThat(Crumb.handled(null)).isFalse();
        assertThatThrownBy(() -> Crumb.visitor(bare)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("map it to /*");
    }

    @Test
    @DisplayName("a request that passed the filter is handled")
    void handled() throws Exception {
        try (ServerFixture server = ServerFixture.jetty()) {
            URI base = server.start(new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(1)).build()),
                    Map.of("/handled", new HttpServlet() {
                        @Override
                        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                            resp.setContentType("text/plain");
                            resp.getWriter().print(Crumb.handled(req));
                        }
                    }));
            assertThat(new Browser(base).get("/handled").body()).isEqualTo("true");
        }
    }
}
