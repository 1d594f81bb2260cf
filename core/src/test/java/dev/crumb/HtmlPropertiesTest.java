package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Html escapes any text")
class HtmlPropertiesTest {

    @Property(tries = 2000)
    @Label("escaped text holds no character that ends HTML text or a quoted attribute")
    void noBreakout(@ForAll("anyText") String text) {
        String escaped = Html.of("<p title=\"%s\">%s</p>", text, text).toString();
        String inner = escaped.substring("<p title=\"".length(), escaped.length() - "</p>".length());

        assertThat(inner.replace("\">", "|")).doesNotContain("<", ">", "\"", "'", "`");
        assertThat(inner.replaceAll("&(amp|lt|gt|quot|#39|#96);", "")).doesNotContain("&");
    }

    @Property(tries = 2000)
    @Label("unescaping gives back the text, every code point included, control characters aside")
    void reversible(@ForAll("anyText") String text) {
        String expected = text.codePoints()
                .map(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(unescape(Html.text(text).toString())).isEqualTo(expected);
    }

    @Property(tries = 1000)
    @Label("a nested fragment is not escaped again")
    void nestedOnce(@ForAll("anyText") String text) {
        Html inner = Html.of("<b>%s</b>", text);

        assertThat(Html.of("<p>%s</p>", inner)).isEqualTo(Html.of("<p><b>%s</b></p>", text));
        assertThat(Html.of("%s", Html.text(text))).isEqualTo(Html.text(text));
    }

    @Provide
    Arbitrary<String> anyText() {
        // Markup characters, controls, and characters outside the Basic Multilingual Plane, mixed with any others.
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("<>&\"'`%s\u0000\u0007\t\n\r").ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(30),
                Arbitraries.strings().withChars("a<&").withChars("\uD83C\uDF6A\uD835\uDC00".toCharArray()).ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(40));
    }

    private static String unescape(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#96;", "`").replace("&amp;", "&");
    }
}
