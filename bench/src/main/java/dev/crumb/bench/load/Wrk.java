package dev.crumb.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code wrk} executable in its own process with a {@link VisitorScript} and reads its report.
 *
 * @param executable  the wrk binary (e.g. {@code wrk} on the PATH or {@code /usr/bin/wrk})
 * @param threads     wrk threads ({@code -t})
 * @param connections open connections across all threads ({@code -c})
 * @param visitors    returning or new visitors, or one replayed cookie
 * @param cookie      for {@link VisitorScript.Visitors#REPLAY}: the {@code Cookie} header replayed, or {@code null}
 * @param sameSiteReferer whether every request carries a {@code Referer} of the site it is sent to (the root of
 *                    its URL), as a browser's does when it follows a link within the site
 */
public record Wrk(String executable, int threads, int connections, VisitorScript.Visitors visitors, String cookie,
                  boolean sameSiteReferer) {

    /** A driver that replays no fixed cookie and sends no {@code Referer}. */
    public Wrk(String executable, int threads, int connections, VisitorScript.Visitors visitors) {
        this(executable, threads, connections, visitors, null, false);
    }

    public Wrk {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(visitors, "visitors");
        if (threads < 1 || connections < threads) {
            throw new IllegalArgumentException("need at least one thread and at least as many connections as threads, got "
                    + threads + " threads and " + connections + " connections");
        }
    }

    /** The same driver replaying {@code cookieHeader} (a {@code Cookie} header value, or {@code null}). */
    public Wrk replaying(String cookieHeader) {
        return new Wrk(executable, threads, connections, visitors, cookieHeader, sameSiteReferer);
    }

    /** The same driver, every request carrying a {@code Referer} of the site it is sent to. */
    public Wrk withSameSiteReferer() {
        return new Wrk(executable, threads, connections, visitors, cookie, true);
    }

    /** The root of {@code url} ({@code scheme://host[:port]/}): a page of the same site. */
    static String siteRoot(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }

    /** The command line for one run, with the script at {@code script}. */
    public List<String> command(String url, Duration duration, Path script) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.add("-t" + threads);
        command.add("-c" + connections);
        command.add("-d" + Math.max(1, duration.toSeconds()) + "s");
        command.add("--latency");
        command.add("-s");
        command.add(script.toString());
        command.add(url);
        return command;
    }

    /**
     * Drives {@code url} for {@code duration} and parses the report.
     *
     * @throws IOException when wrk cannot be started, fails, or prints no report
     */
    public WrkResult run(String url, Duration duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("crumb-bench-", ".lua");
        try {
            Files.writeString(script, VisitorScript.lua(visitors, HelloServlet.SLOT_HEADER, cookie,
                    sameSiteReferer ? siteRoot(url) : null));
            Process process = new ProcessBuilder(command(url, duration, script)).redirectErrorStream(true).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("wrk did not finish within a minute after its duration");
            }
            if (process.exitValue() != 0) {
                throw new IOException("wrk exited with " + process.exitValue() + ": " + output.strip());
            }
            try {
                return WrkOutput.parse(output);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
