package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A consent state's granted categories")
class ConsentStateTest {

    @Test
    @DisplayName("are the given ones plus necessary, in the enum's order, for every subset of the categories")
    void everySubset() {
        Category[] all = Category.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            EnumSet<Category> given = EnumSet.noneOf(Category.class);
            for (Category c : all) {
                if ((mask & 1 << c.ordinal()) != 0) {
                    given.add(c);
                }
            }
            ConsentState state = new ConsentState(given, false, ConsentSource.BANNER, 1, null);

            EnumSet<Category> expected = EnumSet.copyOf(given);
            expected.add(Category.NECESSARY);
            assertThat(state.granted()).as("mask %s", mask).containsExactlyElementsOf(expected)
                    .isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(expected).isEqualTo(state.granted());
            assertThat(ConsentState.bits(state.granted())).isEqualTo(ConsentState.bits(given));
            ConsentState copied = new ConsentState(state.granted(), true, ConsentSource.REGION_DEFAULT, 2, null);
            assertThat(copied.granted()).isSameAs(state.granted());
            for (Category c : all) {
                assertThat(state.grants(c)).isEqualTo(expected.contains(c));
            }
            assertThat(ConsentState.categories(ConsentState.bits(given))).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("do not follow later changes to the set they were built from, and cannot be changed")
    void notAliased() {
        EnumSet<Category> given = EnumSet.of(Category.ANALYTICS);
        ConsentState state = new ConsentState(given, true, ConsentSource.REGION_DEFAULT, 2, null);
        given.add(Category.MARKETING);

        assertThat(state.granted()).containsExactly(Category.NECESSARY, Category.ANALYTICS);
        assertThatThrownBy(() -> state.granted().add(Category.MARKETING))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ConsentState(Set.of(Category.ANALYTICS), false, ConsentSource.API, 2, null).granted())
                .isEqualTo(state.granted());
    }
}
