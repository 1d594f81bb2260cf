package dev.crumb.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * For {@code --replay-cookie}: takes the cookie a server gives a first visitor, and afterwards asks
 * Crumb's {@code /crumb/me.json} (with that cookie) what its consent log holds for the visitor. A
 * replayed cookie must leave exactly one default record, however many requests carried it.
 */
final class ReplayedCookie {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The consent log's sources of defaults, as {@code /crumb/me.json} names them. */
    private static final List<String> DEFAULT_SOURCES = List.of("region-default", "gpc");

    private ReplayedCookie() {
    }

    /**
     * What the consent log holds for the replayed visitor.
     *
     * @param defaultRecords region-default and GPC records among those shown ({@code /crumb/me.json} shows
     *                       at most 20)
     * @param records        all records shown
     */
    record ConsentLogCheck(int defaultRecords, int records) {
        /** Whether the log holds exactly one default, as it must. */
        boolean exactlyOneDefault() {
            return defaultRecords == 1;
        }
    }

    /** The {@code Cookie} header a browser would send after a first visit to {@code url}, or {@code null} for none. */
    static String obtain(String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = CLIENT.send(browser(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("the first request to " + url + " answered " + response.statusCode());
        }
        return cookieHeader(response.headers().firstValue("Set-Cookie"));
    }

    /** The {@code name=value} part of a {@code Set-Cookie} header. */
    static String cookieHeader(Optional<String> setCookie) {
        if (setCookie.isEmpty()) {
            return null;
        }
        String v = setCookie.get();
        int semicolon = v.indexOf(';');
        String pair = (semicolon >= 0 ? v.substring(0, semicolon) : v).trim();
        return pair.isEmpty() ? null : pair;
    }

    /**
     * Reads the replayed visitor's consent log from Crumb's {@code /crumb/me.json}, waiting up to
     * {@code wait} for a default to appear (defaults are written in the background).
     */
    static ConsentLogCheck consentLog(String crumbPageUrl, String cookie, Duration wait)
            throws IOException, InterruptedException {
        URI me = URI.create(crumbPageUrl).resolve("/crumb/me.json");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            HttpResponse<String> response = CLIENT.send(browser(me).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(me + " answered " + response.statusCode());
            }
            ConsentLogCheck check = parse(response.body());
            if (check.defaultRecords() > 0 || System.nanoTime() > deadline) {
                return check;
            }
            Thread.sleep(100);
        }
    }

    /** Counts the records of a {@code /crumb/me.json} answer. */
    static ConsentLogCheck parse(String meJson) throws IOException {
        JsonNode log = JSON.readTree(meJson).path("consentLog");
        int defaults = 0;
        for (JsonNode record : log) {
            if (DEFAULT_SOURCES.contains(record.path("source").asText())) {
                defaults++;
            }
        }
        return new ConsentLogCheck(defaults, log.size());
    }

    private static HttpRequest.Builder browser(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .header("User-Agent", VisitorScript.BROWSER_USER_AGENT).header("Accept-Language", "en-US,en;q=0.8")
                // The same country as the replayed requests: a visitor first seen without it would be in an
                // unknown (opt-in) region, a different default, and so rightly a second default record.
                .header(BenchServers.COUNTRY_HEADER, "US");
    }
}
