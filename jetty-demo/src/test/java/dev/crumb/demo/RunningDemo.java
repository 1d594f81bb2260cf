package dev.crumb.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The demo site running in this JVM on a free port, with its data in a temporary directory, and an
 * HTTP client that does not follow redirects. The one place tests start the site from.
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

    /** Starts the site with its data in {@code dataDir}. */
    public static RunningDemo start(Path dataDir) throws Exception {
        Map<String, String> env = Map.of(AnalystLogin.ENV, ANALYST_PASSWORD);
        DemoOptions options = DemoOptions.parse(new String[] {"--port", "0", "--data", dataDir.toString()}, env);
        SecureRandom random = new SecureRandom();
        return new RunningDemo(DemoServer.start(options, DemoKeys.load(env, dataDir, random),
                AnalystLogin.load(env, dataDir, random), Clock.systemUTC()));
    }

    /** The server, e.g. for its port. */
    public DemoServer server() {
        return server;
    }

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

    /** Posts {@code form} (already URL-encoded) to {@code path}. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    @Override
    public void close() {
        server.close();
    }
}
