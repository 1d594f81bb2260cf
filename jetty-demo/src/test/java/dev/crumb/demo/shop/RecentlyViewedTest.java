package dev.crumb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The recently_viewed cookie")
class RecentlyViewedTest {

    private final Catalog catalog = Catalog.officeSupplies();

    @Test
    @DisplayName("reads product IDs joined with dots, newest first")
    void readsIds() {
        RecentlyViewed viewed = RecentlyViewed.parse("st24-stapler.p200-laser-printer", catalog);

        assertThat(viewed.productIds()).containsExactly("st24-stapler", "p200-laser-printer");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"", "<script>alert(1)</script>", "st24-stapler,p200-laser-printer", "st24-stapler.",
            ".st24-stapler", "st24-stapler..p200-laser-printer", "ST24-STAPLER", "st24-stapler p200-laser-printer",
            "\"st24-stapler\"", "-st24-stapler", "st24-stapler%2Ep200"})
    @DisplayName("ignores a malformed value as a whole")
    void ignoresGarbage(String value) {
        assertThat(RecentlyViewed.parse(value, catalog).productIds()).isEmpty();
    }

    @Test
    @DisplayName("ignores an oversized value, even when it is well-formed")
    void ignoresOversized() {
        String value = String.join(".", java.util.Collections.nCopies(30, "st24-stapler"));

        assertThat(RecentlyViewed.parse(value, catalog).productIds()).isEmpty();
    }

    @Test
    @DisplayName("drops IDs the catalog does not know and repeated IDs")
    void dropsUnknownAndRepeated() {
        RecentlyViewed viewed = RecentlyViewed.parse("gone-product.st24-stapler.st24-stapler.lm3-laminator", catalog);

        assertThat(viewed.productIds()).containsExactly("st24-stapler", "lm3-laminator");
    }

    @Test
    @DisplayName("viewing a product moves it to the front and keeps at most four")
    void viewedMovesToFront() {
        RecentlyViewed viewed = new RecentlyViewed(
                List.of("st24-stapler", "lm3-laminator", "sh12-shredder", "k7-toner-black"));

        RecentlyViewed next = viewed.viewed("sh12-shredder").viewed("p200-laser-printer");

        assertThat(next.productIds())
                .containsExactly("p200-laser-printer", "sh12-shredder", "st24-stapler", "lm3-laminator");
        assertThat(next.cookieValue()).isEqualTo("p200-laser-printer.sh12-shredder.st24-stapler.lm3-laminator");
    }

    @Test
    @DisplayName("what it writes, it reads back")
    void roundTrip() {
        RecentlyViewed viewed = RecentlyViewed.none().viewed("lm3-laminator").viewed("st24-stapler");

        assertThat(RecentlyViewed.parse(viewed.cookieValue(), catalog)).isEqualTo(viewed);
    }
}
