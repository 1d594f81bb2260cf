package dev.crumb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A cart")
class CartTest {

    private final Catalog catalog = Catalog.officeSupplies();

    @Test
    @DisplayName("adds up quantities of the same product and totals the lines")
    void addsUp() {
        Cart cart = Cart.empty().add("st24-stapler", 2).add("lm3-laminator", 1).add("st24-stapler", 1);

        assertThat(cart.quantityOf("st24-stapler")).contains(3);
        assertThat(cart.itemCount()).isEqualTo(4);
        assertThat(cart.totalCents(catalog)).isEqualTo(3 * 24_90 + 79_50);
    }

    @Test
    @DisplayName("caps the quantity of one product at 99")
    void capsQuantity() {
        Cart cart = Cart.empty().add("st24-stapler", 60).add("st24-stapler", 60);

        assertThat(cart.quantityOf("st24-stapler")).contains(Cart.MAX_QUANTITY);
    }

    @Test
    @DisplayName("removes a product")
    void removes() {
        Cart cart = Cart.empty().add("st24-stapler", 1).remove("st24-stapler");

        assertThat(cart.quantityOf("st24-stapler")).isEqualTo(Optional.empty());
        assertThat(cart.lines(catalog)).isEmpty();
    }

    @Test
    @DisplayName("does not take more than 20 different products")
    void limitsLines() {
        Cart cart = Cart.empty();
        for (int i = 0; i < Cart.MAX_LINES + 5; i++) {
            cart = cart.add("product-" + i, 1);
        }

        assertThat(cart.quantities()).hasSize(Cart.MAX_LINES);
    }

    @Test
    @DisplayName("a store keeps carts apart by owner")
    void storeKeepsCartsApart() {
        CartStore store = new CartStore(10);
        store.update("a", cart -> cart.add("st24-stapler", 1));
        store.update("b", cart -> cart.add("lm3-laminator", 2));

        assertThat(store.cartOf("a").quantities()).containsExactly(Map.entry("st24-stapler", 1));
        assertThat(store.cartOf("b").quantities()).containsExactly(Map.entry("lm3-laminator", 2));
        assertThat(store.cartOf("c").quantities()).isEmpty();
    }

    @Test
    @DisplayName("a store holds at most its size of carts")
    void storeIsBounded() {
        CartStore store = new CartStore(2);
        for (String owner : List.of("a", "b", "c", "d", "e")) {
            store.update(owner, cart -> cart.add("st24-stapler", 1));
        }
        store.cleanUp();

        assertThat(List.of("a", "b", "c", "d", "e").stream().filter(o -> store.cartOf(o).itemCount() > 0))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("a store forgets a cart nobody touched for longer than its expiry")
    void cartsExpire() {
        AtomicLong nanos = new AtomicLong();
        CartStore store = new CartStore(10, Duration.ofHours(1), nanos::get);
        store.update("a", cart -> cart.add("st24-stapler", 1));

        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(store.cartOf("a").itemCount()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMinutes(61).toNanos());
        assertThat(store.cartOf("a").itemCount()).isZero();
    }

    @Test
    @DisplayName("emptying a cart removes it from the store")
    void emptyCartIsRemoved() {
        CartStore store = new CartStore(10);
        store.update("a", cart -> cart.add("st24-stapler", 1));
        Cart after = store.update("a", cart -> cart.remove("st24-stapler"));

        assertThat(after.quantities()).isEmpty();
        assertThat(store.cartOf("a").quantities()).isEmpty();
    }
}
