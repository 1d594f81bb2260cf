package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("A path within a prefix")
class PathPrefixesTest {

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @CsvSource({
            "/crumb, /crumb, true",
            "/crumb/, /crumb, true",
            "/crumb/me, /crumb, true",
            "/crumb/me.json, /crumb, true",
            "/crumbs, /crumb, false",
            "/crumb-x/me, /crumb, false",
            "/crum, /crumb, false",
            "/, /crumb, false",
            "/cart/items, /cart, true",
            "/a/cart, /cart, false"})
    void within(String path, String prefix, boolean expected) {
        assertThat(PathPrefixes.within(path, prefix)).isEqualTo(expected);
        assertThat(PathPrefixes.within(path, prefix)).isEqualTo(path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
