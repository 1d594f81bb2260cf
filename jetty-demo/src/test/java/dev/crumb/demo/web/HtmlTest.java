package dev.crumb.demo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Html, the template helper")
class HtmlTest {

    @Test
    @DisplayName("escapes every character that can end HTML text or a quoted attribute")
    void escapesText() {
        Html html = Html.of("<p>{}</p>", "<script>alert('x') & \"y\"</script>");

        assertThat(html).hasToString("<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>");
    }

    @Test
    @DisplayName("a value cannot break out of a double- or single-quoted attribute")
    void escapesAttributes() {
        Html html = Html.of("<a href=\"{}\" title='{}'>x</a>", "\" onclick=\"steal()", "' onmouseover='steal()");

        assertThat(html.toString())
                .isEqualTo("<a href=\"&quot; onclick=&quot;steal()\" title='&#39; onmouseover=&#39;steal()'>x</a>");
    }

    @Test
    @DisplayName("inserts nested Html as it is, so pages compose without double escaping")
    void nestsHtml() {
        Html inner = Html.of("<b>{}</b>", "R&D");

        assertThat(Html.of("<p>{}</p>", inner)).hasToString("<p><b>R&amp;D</b></p>");
    }

    @Test
    @DisplayName("writes null as nothing and other values through String.valueOf")
    void nullAndNumbers() {
        assertThat(Html.of("[{}|{}]", null, 42)).hasToString("[|42]");
    }

    @Test
    @DisplayName("leaves the template itself alone")
    void templateIsTrusted() {
        assertThat(Html.of("<p class=\"x\">a &amp; b</p>")).hasToString("<p class=\"x\">a &amp; b</p>");
    }

    @Test
    @DisplayName("does not treat braces inside a value as a placeholder")
    void placeholdersInValues() {
        assertThat(Html.of("{}-{}", "{}", "b")).hasToString("{}-b");
    }

    @Test
    @DisplayName("refuses a template with more placeholders than values")
    void tooFewValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Html.of("<p>{}{}</p>", "one"))
                .withMessageContaining("more {} placeholders than the 1 values");
    }

    @Test
    @DisplayName("refuses a template with fewer placeholders than values")
    void tooManyValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Html.of("<p>{}</p>", "one", "two"))
                .withMessageContaining("has 1 {} placeholders but 2 values");
    }

    @Test
    @DisplayName("joins a stream of pieces in order")
    void joining() {
        Html list = Stream.of("a<", "b>").map(s -> Html.of("<li>{}</li>", s)).collect(Html.joining());

        assertThat(list).hasToString("<li>a&lt;</li><li>b&gt;</li>");
    }

    @Test
    @DisplayName("escape() leaves ordinary text, including non-ASCII, unchanged")
    void plainText() {
        assertThat(Html.escape("Français – 10 €")).isEqualTo("Français – 10 €");
    }
}
