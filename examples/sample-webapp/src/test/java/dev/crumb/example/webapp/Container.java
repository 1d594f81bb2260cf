package dev.crumb.example.webapp;

import dev.crumb.testsupport.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone servlet container distribution, unpacked by Maven from Maven Central, run as a separate
 * process on its own base directory with WARs dropped into {@code webapps/} unmodified. The process is
 * the container's JVM itself, so {@link #sigterm} reaches it as {@code systemd} or Docker would.
 */
abstract class Container implements AutoCloseable {

    final Path base;
    final int port;
    private Process process;

    Container(String name) {
        try {
            this.base = Files.createTempDirectory("crumb-" + name + "-");
            Files.createDirectories(base.resolve("webapps"));
            try (ServerSocket probe = new ServerSocket(0)) {
                this.port = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distribution's name and version, for messages. */
    abstract String name();

    /** The command that runs the container in the foreground, with {@link #base} as working directory. */
    abstract List<String> command();

    /** Extra environment for the command. */
    abstract Map<String, String> environment();

    /** Everything the container logged so far (console and log files). */
    String log() throws IOException {
        return logSince(Map.of());
    }

    /** Where each log file ends now, for {@link #logSince}. */
    Map<Path, Long> logMark() throws IOException {
        Map<Path, Long> mark = new java.util.HashMap<>();
        for (Path f : logFiles()) {
            mark.put(f, Files.size(f));
        }
        return mark;
    }

    /** What the container logged after {@code mark}, file by file. */
    String logSince(Map<Path, Long> mark) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : logFiles()) {
            byte[] bytes = Files.readAllBytes(f);
            int from = (int) Math.min(bytes.length, mark.getOrDefault(f, 0L));
            all.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(base.resolve("logs"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Copies {@code war} into {@code webapps/} as {@code <name>.war}: deployed at {@code /<name>}. */
    void deploy(Path war, String name) throws IOException {
        Path target = base.resolve("webapps").resolve(name + ".war");
        Path partial = base.resolve(name + ".war.part");
        Files.copy(war, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the WAR: the container undeploys it. */
    void undeploy(String name) throws IOException {
        Files.deleteIfExists(base.resolve("webapps").resolve(name + ".war"));
    }

    /** Gives the WAR a newer time, as copying a new build over it does: the container redeploys it. */
    void touch(String name) throws IOException {
        Path war = base.resolve("webapps").resolve(name + ".war");
        Files.setLastModifiedTime(war, FileTime.from(Instant.now().plusSeconds(2)));
    }

    void start() throws IOException {
        Files.createDirectories(base.resolve("logs"));
        ProcessBuilder builder = new ProcessBuilder(command()).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(base.resolve("logs").resolve("console.out").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CRUMB_KEYS", TestKeys.key(41));
        builder.environment().put("CRUMB_HASH_KEY", TestKeys.key(42));
        builder.environment().putAll(environment());
        process = builder.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGTERM, then waits for the JVM to end; returns its exit code. */
    int sigterm() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name() + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Log lines that tell of a leak or a failure on stop or redeploy. */
    List<String> troubleIn(String log) {
        List<String> trouble = new ArrayList<>();
        for (String line : log.split("\n")) {
            String l = line.toLowerCase(java.util.Locale.ROOT);
            if (l.contains("memory leak") || l.contains("failed to unregister") || l.contains("failed to stop it")
                    || l.contains("appears to have started a thread") || l.contains("warning")
                    || l.contains("severe") || l.contains(" error ") || l.contains("exception:")
                    || line.startsWith("\tat ")) {
                trouble.add(line);
            }
        }
        return trouble;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    static Path distribution(String property) {
        String dir = System.getProperty(property);
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property " + property + " must name the unpacked distribution "
                    + "(run with mvn verify, which unpacks it): " + dir);
        }
        return Path.of(dir);
    }
}
