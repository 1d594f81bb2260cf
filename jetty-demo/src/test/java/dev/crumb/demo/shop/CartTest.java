package dev.crumb.demo.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
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
    @DisplayName("a store keeps carts apart by owner and forgets the least recently used beyond its size")
    void storeIsBounded() {
        CartStore store = new CartStore(2);
        store.update("a", cart -> cart.add("st24-stapler", 1));
        store.update("b", cart -> cart.add("lm3-laminator", 1));
        store.cartOf("a");
        store.update("c", cart -> cart.add("sh12-shredder", 1));

        assertThat(store.cartOf("a").quantityOf("st24-stapler")).contains(1);
        assertThat(store.cartOf("b").quantities()).isEmpty();
        assertThat(store.cartOf("c").quantityOf("sh12-shredder")).contains(1);
    }
}
