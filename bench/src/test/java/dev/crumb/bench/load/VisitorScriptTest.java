package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The generated text; {@link WrkAgainstTinyServerTest} checks what the scripts make wrk do. */
class VisitorScriptTest {

    @Test
    @DisplayName("the returning-visitor script names the echoed slot header and keeps cookies from responses")
    void returning() {
        String lua = VisitorScript.lua(VisitorScript.Visitors.RETURNING, "X-Bench-Slot");

        assertThat(lua).contains("local slot_header = \"X-Bench-Slot\"")
                .contains("function request()")
                .contains("function response(status, headers, body)")
                .contains("\"set-cookie\"")
                .contains("wrk.format(nil, nil, headers)")
                .doesNotContain("@SLOT_HEADER@")
                .contains("local referer = nil");
    }

    @Test
    @DisplayName("with a Referer, returning visitors and the replayed cookie send it on every request; new visitors refuse it")
    void referer() {
        String root = "http://127.0.0.1:18081/";
        assertThat(VisitorScript.lua(VisitorScript.Visitors.RETURNING, "X-Bench-Slot", null, root))
                .contains("local referer = \"http://127.0.0.1:18081/\"").contains("headers[\"Referer\"] = referer")
                .doesNotContain("@REFERER@");
        assertThat(VisitorScript.lua(VisitorScript.Visitors.REPLAY, "X-Bench-Slot", "crumb=a", root))
                .contains("wrk.headers[\"Referer\"] = \"http://127.0.0.1:18081/\"").doesNotContain("@REFERER_LINE@");
        assertThat(VisitorScript.lua(VisitorScript.Visitors.REPLAY, "X-Bench-Slot", "crumb=a"))
                .doesNotContain("wrk.headers[\"Referer\"]").doesNotContain("@REFERER_LINE@");
        assertThatThrownBy(() -> VisitorScript.lua(VisitorScript.Visitors.NEW, "X-Bench-Slot", null, root))
                .hasMessageContaining("new visitors come from elsewhere");
        assertThatThrownBy(() -> VisitorScript.lua(VisitorScript.Visitors.RETURNING, "X-Bench-Slot", null,
                "http://x/\"; os.exit() --")).hasMessageContaining("must be an http(s) URL of plain characters");
    }

    @Test
    @DisplayName("the new-visitor script sends no cookie and asks wrk for no response headers")
    void newVisitors() {
        String lua = VisitorScript.lua(VisitorScript.Visitors.NEW, "X-Bench-Slot");

        // Without a response() function wrk skips header parsing, so new visitors cost the client less.
        assertThat(lua).doesNotContain("function response").doesNotContain("Cookie");
    }

    @Test
    @DisplayName("a slot header that could break out of the Lua string is refused")
    void refusesBadHeader() {
        assertThatThrownBy(() -> VisitorScript.lua(VisitorScript.Visitors.RETURNING, "X\"; os.exit() --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot header");
    }

    @Test
    @DisplayName("the replay script sends the one fixed cookie on every request and reads no responses")
    void replay() {
        String lua = VisitorScript.lua(VisitorScript.Visitors.REPLAY, "X-Bench-Slot", "crumb=eyJhbGciOiJkaXIifQ..abc.def-_");

        assertThat(lua).contains("wrk.headers[\"Cookie\"] = \"crumb=eyJhbGciOiJkaXIifQ..abc.def-_\"")
                .doesNotContain("function response").doesNotContain("@COOKIE_LINE@");
        assertThat(VisitorScript.lua(VisitorScript.Visitors.REPLAY, "X-Bench-Slot", null))
                .as("a server that sets no cookie is driven without one").doesNotContain("wrk.headers[\"Cookie\"]");
    }

    @Test
    @DisplayName("a cookie to replay that could break out of the Lua string is refused")
    void refusesBadCookie() {
        assertThatThrownBy(() -> VisitorScript.lua(VisitorScript.Visitors.REPLAY, "X-Bench-Slot", "a=\"; os.exit() --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cookie to replay");
    }
}
