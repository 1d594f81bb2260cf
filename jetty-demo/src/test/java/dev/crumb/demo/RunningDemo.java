package dev.crumb.demo;

import dev.crumb.testsupport.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The demo site running in this JVM on a free port, with its data in a temporary directory, and an
 * HTTP client that neither follows redirects nor keeps cookies. The one place tests start the site from.
 */
public final class RunningDemo implements AutoCloseable {

    /** A fixed analyst password, so starting the site needs no generated one. */
    public static final String ANALYST_PASSWORD = "correct horse battery staple";

    private final DemoServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningDemo(DemoServer server) {
        this.server = server;
    }

    /** The trusted country header the test site is started with, as behind Cloudflare. */
    public static final String COUNTRY_HEADER = "CF-IPCountry";

    /** Starts the site with its data in {@code dataDir}, trusting {@link #COUNTRY_HEADER}. */
    public static RunningDemo start(Path dataDir, String... extraArgs) throws Exception {
        Map<String, String> env = Map.of(AnalystLogin.ENV, ANALYST_PASSWORD);
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data", dataDir.toString(),
                "--country-header", COUNTRY_HEADER));
        args.addAll(List.of(extraArgs));
        DemoOptions options = DemoOptions.parse(args.toArray(String[]::new), env);
        DemoServer server = DemoServer.start(options, DemoSecrets.load(env, dataDir, new SecureRandom()),
                Clock.systemUTC());
        if (options.seedDemoData()) {
            DemoMain.seed(System.out, server, Clock.systemUTC());
        }
        return new RunningDemo(server);
    }

    /** The server, e.g. for its port, store or tracking metrics. */
    public DemoServer server() {
        return server;
    }

    /** A new cookie-keeping HTTP browser of a visitor in the US ({@code en-US}, country header {@code US}). */
    public Browser browser() {
        return new Browser(server.uri()).header("Accept-Language", "en-US,en;q=0.8").header(COUNTRY_HEADER, "US")
                .header("User-Agent", USER_AGENT);
    }

    /** A desktop browser's user agent, so Crumb counts the page views of HTTP tests. */
    public static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    /** Sends a GET for {@code path} and returns the response with its body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a GET for {@code path} with a {@code Cookie} header. */
    public HttpResponse<String> get(String path, String cookieHeader) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookieHeader).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a GET for {@code path} as the analyst, with HTTP Basic as scripts do. */
    public HttpResponse<String> getAsAnalyst(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(
                (AnalystLogin.USER + ":" + ANALYST_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code form} (already URL-encoded) to {@code path}. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The address of {@code path} on the site. */
    public URI uri(String path) {
        return server.uri().resolve(path);
    }

    @Override
    public void close() {
        server.close();
    }
}
