package dev.crumb.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** The {@code servers}, {@code load} and {@code load-all} sub-commands of the bench jar. */
public final class LoadCommands {

    private LoadCommands() {
    }

    /** {@code servers}: starts the three servers and the heap probe, prints their URLs, runs until stopped. */
    public static void servers(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        BenchServers servers = BenchServers.start(options.host(), options.portBase());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.close();
            System.out.println("servers stopped");
            stopped.countDown();
        }, "crumb-bench-stop"));
        for (ServerKind kind : ServerKind.values()) {
            System.out.printf("%-12s %s%n", kind.label(), servers.url(kind));
        }
        System.out.printf("%-12s %s%n", "heap probe", servers.heapUrl());
        System.out.println("Ctrl-C (SIGINT) or SIGTERM stops the servers.");
        stopped.await();
    }

    /** {@code load}: drives servers that {@code servers} started, with the same host and port base. */
    public static void load(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        LoadRun run = new LoadRun(options, remoteHeap(BenchServers.heapUrl(options.host(), options.portBase())), System.out);
        LoadReport.print(options, run.run(), System.out);
    }

    /** {@code load-all}: starts the servers in this JVM, drives them, stops them. */
    public static void loadAll(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        try (BenchServers servers = BenchServers.start(options.host(), options.portBase())) {
            LoadRun run = new LoadRun(options, servers::snapshot, System.out);
            LoadReport.print(options, run.run(), System.out);
        }
    }

    private static Supplier<HeapSnapshot> remoteHeap(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        return () -> {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the heap probe " + url + " answered " + response.statusCode());
                }
                return HeapSnapshot.fromJson(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the heap probe " + url
                        + "; start the servers first with `java -jar bench/target/crumb-bench.jar servers` and the same --port-base", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking the heap probe", e);
            }
        };
    }
}
