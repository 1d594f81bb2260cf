package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Html, the one template mechanism")
class HtmlTest {

    @Test
    @DisplayName("escapes every character that can end HTML text or a quoted attribute")
    void escapesText() {
        Html html = Html.of("<p>%s</p>", "<script>alert('x') & \"y\" `z`</script>");

        assertThat(html).hasToString("<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot; &#96;z&#96;&lt;/script&gt;</p>");
    }

    @Test
    @DisplayName("a value cannot break out of a double- or single-quoted attribute")
    void escapesAttributes() {
        Html html = Html.of("<a href=\"%s\" title='%s'>x</a>", "\" onclick=\"steal()", "' onmouseover='steal()");

        assertThat(html.toString())
                .isEqualTo("<a href=\"&quot; onclick=&quot;steal()\" title='&#39; onmouseover=&#39;steal()'>x</a>");
    }

    @Test
    @DisplayName("replaces control characters other than tab and line breaks")
    void controlCharacters() {
        assertThat(Html.text("a\u0000b\u0007c\nd\te\rf")).hasToString("a\uFFFDb\uFFFDc\nd\te\rf");
    }

    @Test
    @DisplayName("keeps characters outside the Basic Multilingual Plane whole")
    void nonBmp() {
        String text = "cookie \uD83C\uDF6A & \uD835\uDC00";

        assertThat(Html.of("<p>%s</p>", text)).hasToString("<p>cookie \uD83C\uDF6A &amp; \uD835\uDC00</p>");
    }

    @Test
    @DisplayName("inserts nested Html as it is, so pages compose without double escaping")
    void nestsHtml() {
        Html inner = Html.of("<b>%s</b>", "R&D");

        assertThat(Html.of("<p>%s</p>", inner)).hasToString("<p><b>R&amp;D</b></p>");
    }

    @Test
    @DisplayName("writes null as nothing and other values through String.valueOf")
    void nullAndNumbers() {
        assertThat(Html.of("[%s|%s]", null, 42)).hasToString("[|42]");
        assertThat(Html.text(null)).isEqualTo(Html.EMPTY);
    }

    @Test
    @DisplayName("leaves the template itself alone, except %% which is one %")
    void templateIsTrusted() {
        assertThat(Html.of("<p class=\"x\">a &amp; b, 50%%</p>")).hasToString("<p class=\"x\">a &amp; b, 50%</p>");
    }

    @Test
    @DisplayName("does not treat %s inside a value as a slot")
    void slotsInValues() {
        assertThat(Html.of("%s-%s", "%s", "b")).hasToString("%s-b");
    }

    // The build refuses these calls (Error Prone, FormatStringAnnotation); suppressed here to test the
    // check that still guards a template that reaches Html.of some other way.
    @Test
    @SuppressWarnings("FormatStringAnnotation")
    @DisplayName("refuses a template with more slots than values when the fragment is built")
    void tooFewValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Html.of("<p>%s%s</p>", "one"))
                .withMessageContaining("more %s slots than the 1 values");
    }

    @Test
    @SuppressWarnings("FormatStringAnnotation")
    @DisplayName("refuses a template with fewer slots than values when the fragment is built")
    void tooManyValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Html.of("<p>%s</p>", "one", "two"))
                .withMessageContaining("has 1 %s slots but 2 values");
    }

    @Test
    @SuppressWarnings("FormatStringAnnotation")
    @DisplayName("refuses any conversion other than %s and %%")
    void otherConversions() {
        assertThatIllegalArgumentException().isThrownBy(() -> Html.of("<p>%d</p>", 1))
                .withMessageContaining("only %s and %%");
    }

    @Test
    @DisplayName("joins a stream of pieces in order, and appends one fragment to another")
    void joining() {
        Html list = Stream.of("a<", "b>").map(s -> Html.of("<li>%s</li>", s)).collect(Html.joining());

        assertThat(list).hasToString("<li>a&lt;</li><li>b&gt;</li>");
        assertThat(list.append(Html.text("&"))).hasToString("<li>a&lt;</li><li>b&gt;</li>&amp;");
        assertThat(Html.EMPTY.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("trusted markup is inserted unescaped")
    void trusted() {
        assertThat(Html.of("<div>%s</div>", Html.trusted("<svg></svg>"))).hasToString("<div><svg></svg></div>");
    }

    @Test
    @DisplayName("text() leaves ordinary text, including non-ASCII, unchanged")
    void plainText() {
        assertThat(Html.text("Français – 10 €")).hasToString("Français – 10 €");
    }
}
