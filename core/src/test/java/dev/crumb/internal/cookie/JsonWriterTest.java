package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The string paths of {@link JsonWriter}: values longer than 16 characters are copied in bulk unless a
 * word-at-a-time scan finds something to escape, so every escape is tried at every position of a long
 * value, and non-ASCII text on both paths.
 */
@DisplayName("The cookie JSON writer's strings")
class JsonWriterTest {

    private static final String PLAIN = "Guten Tag, we would like to know more";

    @Test
    @DisplayName("copies a long plain value as its UTF-8 bytes, ASCII or not")
    void bulkCopy() throws IOException {
        for (String value : new String[] {PLAIN, "\u00e9t\u00e9 \u00e0 Z\u00fcrich, \u00c5ngstr\u00f6m " + PLAIN,
                "\u20ac 12 \u2603 \ud83d\ude00 \u4e2d\u6587 " + PLAIN, "\u00ff".repeat(17), "\u0800".repeat(40)}) {
            assertThat(written(value)).isEqualTo("\"" + value + "\"");
            assertThat(readBack(value)).isEqualTo(value);
        }
    }

    @Test
    @DisplayName("escapes a quote, backslash or control character at every position of a long value")
    void escapesAnywhere() throws IOException {
        String[][] escapes = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"}, {"\u0001", "\\u0001"},
                {"\u001f", "\\u001f"}, {"\b", "\\b"}};
        for (String base : new String[] {PLAIN, "\u00e9" + PLAIN.substring(1)}) {
            for (int at = 0; at <= base.length(); at++) {
                for (String[] escape : escapes) {
                    String value = base.substring(0, at) + escape[0] + base.substring(at);
                    assertThat(written(value)).isEqualTo("\"" + base.substring(0, at) + escape[1] + base.substring(at) + "\"");
                    assertThat(readBack(value)).isEqualTo(value);
                }
            }
        }
    }

    @Test
    @DisplayName("writes a lone surrogate in a long value as an escape, not as '?', and keeps a real '?'")
    void loneSurrogateInLongValue() throws IOException {
        for (int at = 0; at <= PLAIN.length(); at++) {
            String lone = PLAIN.substring(0, at) + "\ud800" + PLAIN.substring(at);
            assertThat(written(lone)).isEqualTo("\"" + PLAIN.substring(0, at) + "\\ud800" + PLAIN.substring(at) + "\"");
            assertThat(readBack(lone)).isEqualTo(lone);
            String question = PLAIN.substring(0, at) + "?" + PLAIN.substring(at);
            assertThat(written(question)).isEqualTo("\"" + question + "\"");
        }
        String low = "\udc00" + PLAIN + "\ud83d";
        assertThat(written(low)).isEqualTo("\"\\udc00" + PLAIN + "\\ud83d\"");
        assertThat(readBack(low)).isEqualTo(low);
    }

    private static String written(String value) {
        JsonWriter out = new JsonWriter(new byte[4]);
        out.string(value);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Through the reader, in an object as the cookie has it. */
    private static String readBack(String value) throws IOException {
        JsonWriter out = new JsonWriter();
        out.beginObject();
        out.name("v");
        out.string(value);
        out.endObject();
        byte[] json = out.toByteArray();
        JsonReader in = new JsonReader(json, 0, json.length);
        in.beginObject();
        assertThat(in.nextName()).isEqualTo("v");
        String read = in.nextString();
        assertThat(in.nextName()).isNull();
        in.endOfInput();
        return read;
    }
}
