package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayedCookieTest {

    @Test
    @DisplayName("the replayed Cookie header is the name=value of the first Set-Cookie, without its attributes")
    void cookieHeader() {
        assertThat(ReplayedCookie.cookieHeader(Optional.of("crumb=abc.def; Path=/; Max-Age=100; HttpOnly")))
                .isEqualTo("crumb=abc.def");
        assertThat(ReplayedCookie.cookieHeader(Optional.of("JSESSIONID=node01x"))).isEqualTo("JSESSIONID=node01x");
        assertThat(ReplayedCookie.cookieHeader(Optional.empty())).isNull();
    }

    @Test
    @DisplayName("defaults are the region-default and gpc records of /crumb/me.json; explicit choices are not")
    void countsDefaults() throws Exception {
        ReplayedCookie.ConsentLogCheck check = ReplayedCookie.parse("""
                {"consentLog":[{"source":"banner"},{"source":"region-default"},{"source":"gpc"}]}""");

        assertThat(check).isEqualTo(new ReplayedCookie.ConsentLogCheck(2, 3));
        assertThat(check.exactlyOneDefault()).isFalse();
        assertThat(ReplayedCookie.parse("{\"consentLog\":[]}").defaultRecords()).isZero();
    }
}
