package dev.crumb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTML template helper")
class HtmlTest {

    @Test
    @DisplayName("escapes every value for text and attributes")
    void escapes() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&`</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
    }

    @Test
    @DisplayName("replaces control characters and renders null as empty")
    void controlCharacters() {
        assertThat(Html.escape("a\u0000b\u0007c\nd")).isEqualTo("a\uFFFDb\uFFFDc\nd");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    @DisplayName("escapes {{slots}} and inserts {{{markup}}} as is")
    void render() {
        String html = Html.render("<p title=\"{{t}}\">{{v}}</p>{{{m}}}", Map.of("t", "\"x\"", "v", "<b>", "m", "<hr>"));
        assertThat(html).isEqualTo("<p title=\"&quot;x&quot;\">&lt;b&gt;</p><hr>");
    }

    @Test
    @DisplayName("a slot without a value fails loudly")
    void missingSlot() {
        assertThatThrownBy(() -> Html.render("{{missing}}", Map.of())).hasMessageContaining("missing");
    }

    @Test
    @DisplayName("values containing $ and backslashes are inserted literally")
    void regexCharacters() {
        assertThat(Html.render("{{v}}", Map.of("v", "$1 \\ $"))).isEqualTo("$1 \\ $");
    }
}
