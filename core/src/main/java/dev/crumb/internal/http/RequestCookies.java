package dev.crumb.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The values a request sends for one cookie name, read straight from its {@code Cookie} headers (RFC 6265,
 * section 5.4: {@code name=value} pairs separated by {@code ;}, HTTP/2 may split them over several headers).
 * The visitor cookie is read on every request; {@link HttpServletRequest#getCookies()} parses and allocates
 * every cookie of the site (a JFR profile of the load bench put Jetty's cookie parsing at 8 % of Crumb's
 * request threads), while this scan only looks for one name. A value in double quotes is returned without
 * them; a pair without {@code =} is skipped.
 */
public final class RequestCookies {
    private RequestCookies() {}

    /** Every value sent under {@code name}, in the order they came; empty when there is none. */
    public static List<String> values(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>(1);
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            String header = headers.nextElement();
            if (header != null && header.contains(name)) {
                collect(header, name, values);
            }
        }
        return values;
    }

    private static void collect(String header, String name, List<String> values) {
        int at = 0;
        int length = header.length();
        while (at < length) {
            int end = header.indexOf(';', at);
            end = end < 0 ? length : end;
            int start = skipSpaces(header, at, end);
            int equals = header.indexOf('=', start);
            if (equals > 0 && equals < end && header.regionMatches(start, name, 0, name.length())
                    && trimEnd(header, start, equals) == start + name.length()) {
                int valueStart = skipSpaces(header, equals + 1, end);
                int valueEnd = trimEnd(header, valueStart, end);
                if (valueEnd - valueStart >= 2 && header.charAt(valueStart) == '"' && header.charAt(valueEnd - 1) == '"') {
                    valueStart++;
                    valueEnd--;
                }
                values.add(header.substring(valueStart, valueEnd));
            }
            at = end + 1;
        }
    }

    private static int skipSpaces(String text, int from, int to) {
        int at = from;
        while (at < to && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static int trimEnd(String text, int from, int to) {
        int end = to;
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }
}
