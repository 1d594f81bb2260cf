package dev.crumb.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal browser over {@link HttpClient} for integration tests: keeps the cookies it is given (by
 * name; a {@code Max-Age=0} deletes), sends them back, never follows redirects, and lets a test tamper
 * with or drop a cookie to act as a hostile or cookie-blocking client.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean blockCookies;

    public Browser(URI base) {
        this.base = base;
    }

    /** A browser that never stores a cookie. */
    public Browser blockingCookies() {
        this.blockCookies = true;
        return this;
    }

    /** Sends this header with every request (e.g. {@code Accept-Language}, {@code Sec-GPC}). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** GET {@code path}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** POST {@code path} with a URL-encoded form. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The value of a stored cookie, or {@code null}. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Stores (or replaces) a cookie, as a hostile client or a second tab might. */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** Forgets all cookies. */
    public void clearCookies() {
        cookies.clear();
    }

    /** All {@code Set-Cookie} header values of a response. */
    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    /** The {@code Set-Cookie} header of a response for {@code name}, or {@code null}. */
    public static String setCookie(HttpResponse<?> response, String name) {
        for (String h : setCookies(response)) {
            if (h.startsWith(name + "=")) {
                return h;
            }
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!blockCookies) {
            for (String header : new ArrayList<>(setCookies(response))) {
                store(header);
            }
        }
        return response;
    }

    private void store(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        boolean delete = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
        if (delete) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
