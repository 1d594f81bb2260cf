package dev.crumb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.testsupport.Browser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of consent traffic: a child JVM ({@link CrashServerMain}) serves consent
 * decisions on an H2 file store while several clients post them; every decision that was answered with
 * 303 is remembered; the child is killed with SIGKILL ({@link Process#destroyForcibly()}), restarted on the
 * same files, and every acknowledged decision must be in the consent log.
 */
@DisplayName("kill -9 mid-traffic: every acknowledged consent decision survives in the consent log")
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Process child;

    @AfterEach
    void killChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A decision the server acknowledged: the browser that made it and what it granted. */
    private record Acknowledged(Browser browser, boolean acceptedAll) {}

    @Test
    @DisplayName("H2 file store, eight concurrent clients, SIGKILL, restart")
    void acknowledgedDecisionsSurvive() throws Exception {
        Path data = Files.createTempDirectory("crumb-crash");
        URI base = startChild(data);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            final int thread = t;
            clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        Browser b = new Browser(base);
                        String token = b.get("/csrf").body();
                        boolean acceptAll = (thread + n++) % 2 == 0;
                        HttpResponse<String> r = b.post("/crumb/consent", Map.of("csrf", token,
                                "action", acceptAll ? "accept-all" : "reject-all"));
                        if (r.statusCode() == 303) {
                            acknowledged.add(new Acknowledged(b, acceptAll));
                        }
                    } catch (Exception e) {
                        // the server died under us: this decision was not acknowledged
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (acknowledged.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL while the clients keep posting
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Acknowledged> decisions = new ArrayList<>(acknowledged);
        assertThat(decisions).as("decisions acknowledged before the kill").hasSizeGreaterThan(20);

        URI restarted = startChild(data);
        List<String> missing = new ArrayList<>();
        for (Acknowledged d : decisions) {
            Browser b = new Browser(restarted);
            b.setCookie("crumb", d.browser().cookie("crumb"));
            JsonNode me = JSON.readTree(b.get("/crumb/me.json").body());
            assertThat(me.get("consentLogAvailable").asBoolean()).isTrue();
            boolean found = false;
            for (JsonNode record : me.get("consentLog")) {
                found |= record.get("source").asText().equals("banner")
                        && record.get("granted").size() == (d.acceptedAll() ? 4 : 1);
            }
            if (!found) {
                missing.add(me.get("visitorId").asText());
            }
        }
        assertThat(missing).as("acknowledged decisions missing after the crash, of " + decisions.size()).isEmpty();
    }

    private URI startChild(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashServerMain.class.getName(), data.toString()).redirectErrorStream(true);
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                int port = Integer.parseInt(line.substring(6).trim());
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "crash-child-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create("http://127.0.0.1:" + port);
            }
            seen.append(line).append('\n');
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("the child server did not start:\n" + seen);
    }
}
