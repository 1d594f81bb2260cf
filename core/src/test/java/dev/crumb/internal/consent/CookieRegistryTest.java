package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.Category;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cookie registry")
class CookieRegistryTest {

    private static CookieRegistry registry(Category unregistered, String... entries) {
        return new CookieRegistry(List.of(entries).stream().map(CookieRule::parse).toList(), unregistered,
                Set.of("crumb", CookieRegistry.SESSION_COOKIE));
    }

    @Test
    @DisplayName("matches exact names and prefixes; the exact name wins, then the longest prefix")
    void matching() {
        CookieRegistry r = registry(Category.MARKETING, "recently_viewed=preferences", "_ga*=analytics",
                "_gads*=marketing", "_ga_keep=preferences");
        assertThat(r.categoryOf("recently_viewed")).isEqualTo(Category.PREFERENCES);
        assertThat(r.categoryOf("recently_viewed2")).isEqualTo(Category.MARKETING);
        assertThat(r.categoryOf("_ga")).isEqualTo(Category.ANALYTICS);
        assertThat(r.categoryOf("_ga_ABC123")).isEqualTo(Category.ANALYTICS);
        assertThat(r.categoryOf("_gads_x")).isEqualTo(Category.MARKETING);
        assertThat(r.categoryOf("_ga_keep")).isEqualTo(Category.PREFERENCES);
        assertThat(r.categoryOf("RECENTLY_VIEWED")).as("names are case-sensitive").isEqualTo(Category.MARKETING);
    }

    @Test
    @DisplayName("unregistered cookies are marketing unless configured otherwise")
    void unregistered() {
        assertThat(registry(Category.MARKETING).categoryOf("anything")).isEqualTo(Category.MARKETING);
        assertThat(registry(Category.ANALYTICS).categoryOf("anything")).isEqualTo(Category.ANALYTICS);
        assertThat(registry(Category.MARKETING).categoryOf("")).isEqualTo(Category.MARKETING);
    }

    @Test
    @DisplayName("Crumb's cookie and JSESSIONID are necessary, even under a matching prefix")
    void necessary() {
        CookieRegistry r = registry(Category.MARKETING, "cr*=analytics", "JSESS*=marketing");
        assertThat(r.categoryOf("crumb")).isEqualTo(Category.NECESSARY);
        assertThat(r.categoryOf("JSESSIONID")).isEqualTo(Category.NECESSARY);
        assertThatThrownBy(() -> registry(Category.MARKETING, "JSESSIONID=analytics"))
                .hasMessageContaining("always necessary");
    }

    @Test
    @DisplayName("a registered path is kept for deletion; others delete at /")
    void paths() {
        CookieRegistry r = registry(Category.MARKETING, "cart=preferences;path=/shop");
        assertThat(r.pathOf("cart")).isEqualTo("/shop");
        assertThat(r.pathOf("other")).isEqualTo("/");
    }

    @Test
    @DisplayName("malformed entries fail with a message naming cookie-categories and the entry")
    void malformed() {
        assertThatThrownBy(() -> CookieRule.parse("no_category")).hasMessageContaining("cookie-categories entry 'no_category'");
        assertThatThrownBy(() -> CookieRule.parse("x=tasty")).hasMessageContaining("cookie-categories entry 'x=tasty'")
                .hasMessageContaining("necessary, preferences, analytics, marketing");
        assertThatThrownBy(() -> CookieRule.parse("a b=analytics")).hasMessageContaining("not a cookie name");
        assertThatThrownBy(() -> CookieRule.parse("x=analytics;domain=a.com")).hasMessageContaining(";path=");
        assertThatThrownBy(() -> CookieRule.parse("x=analytics;path=shop")).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> registry(Category.MARKETING, "x=analytics", "x=marketing")).hasMessageContaining("twice");
    }
}
