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
                .doesNotContain("@SLOT_HEADER@");
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
