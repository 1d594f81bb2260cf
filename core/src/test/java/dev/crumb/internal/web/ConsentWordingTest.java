package dev.crumb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.consent.ConsentState;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Consent texts by the state in force, and the first layer, in the visitor's language")
class ConsentWordingTest {

    private static final Texts FR = Messages.defaults().forLanguage("fr");

    @Test
    @DisplayName("while the region's defaults turn optional categories on, banner and page do not say 'only if you agree'")
    void defaultsOn() {
        ConsentState defaultsOn = new ConsentState(Set.of(Category.PREFERENCES, Category.ANALYTICS), true,
                ConsentSource.REGION_DEFAULT, 1, null);
        ConsentState optIn = new ConsentState(Set.of(), true, ConsentSource.REGION_DEFAULT, 1, null);
        ConsentState chosen = new ConsentState(Set.of(Category.ANALYTICS), false, ConsentSource.BANNER, 1,
                Instant.parse("2026-11-30T10:00:00Z"));

        assertThat(ConsentWording.bannerText(FR, defaultsOn)).isEqualTo(FR.get("banner.textDefaultsOn"))
                .contains("activés par défaut");
        assertThat(ConsentWording.intro(FR, defaultsOn)).isEqualTo(FR.get("consent.introDefaultsOn"));
        assertThat(ConsentWording.bannerText(FR, optIn)).isEqualTo(FR.get("banner.text"));
        assertThat(ConsentWording.intro(FR, chosen)).as("the visitor's own choice is not a default")
                .isEqualTo(FR.get("consent.intro"));
    }

    @Test
    @DisplayName("the first layer names the controller (escaped, in bold) and links the policy below the context path")
    void firstLayer() {
        String html = new FirstLayer("Crumb & Co <Ltd>", "/privacy").html(FR, "/shop").toString();

        assertThat(html).contains("Ce site est exploité par <strong>Crumb &amp; Co &lt;Ltd&gt;</strong>.")
                .contains("<a href=\"/shop/privacy\">Politique de confidentialité</a>")
                .doesNotContain("{0}");
        assertThat(FirstLayer.NONE.html(FR, "").isEmpty()).isTrue();
    }
}
