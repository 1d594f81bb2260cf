package dev.crumb.demo;

import dev.crumb.demo.analytics.DemoDataSeeder;
import dev.crumb.demo.analytics.DemoDataWriter;
import dev.crumb.demo.shop.Catalog;
import dev.crumb.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Starts the demo shop: {@code java -jar crumb-jetty-demo.jar --port 8080 --data ./crumb-data}. Run with
 * {@code --help} for every option.
 *
 * <p>Exit status: 0 after {@code --help} or {@code --new-key}; 1 when the server cannot start; 2 for a
 * setting it cannot use, with a one-line message saying which and what to do.
 */
public final class DemoMain {

    /** Exit status for a setting the demo cannot use. */
    static final int EXIT_BAD_SETTING = 2;

    /** Exit status when the server cannot start for another reason, such as a taken port. */
    static final int EXIT_CANNOT_START = 1;

    private static final long SEED = 20_040_605L;
    private static final int SEED_DAYS = 28;

    private DemoMain() {
    }

    /** Runs the demo until it is stopped. */
    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.getenv(), System.out, System.err, new SecureRandom(), Clock.systemUTC());
        if (launch.server() == null) {
            System.exit(launch.exitStatus());
        }
        launch.server().join();
    }

    /** What {@link #launch} did: started a server, or finished with an exit status. */
    record Launch(DemoServer server, int exitStatus) {}

    /** Does what the arguments ask; never throws for a bad setting, and never prints a stack trace for one. */
    static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                         SecureRandom random, Clock clock) {
        DemoOptions options;
        DemoSecrets secrets;
        try {
            options = DemoOptions.parse(args, env);
            switch (options.action()) {
                case HELP -> {
                    out.print(DemoOptions.helpText());
                    return new Launch(null, 0);
                }
                case NEW_KEY -> {
                    out.println(DemoKeys.newKey(random));
                    return new Launch(null, 0);
                }
                case RUN -> { /* below */ }
            }
            createDataDirectory(options);
            secrets = DemoSecrets.load(env, options.dataDir(), random);
        } catch (DemoConfigException e) {
            err.println("crumb-jetty-demo: " + e.getMessage());
            return new Launch(null, EXIT_BAD_SETTING);
        }
        DemoServer server;
        try {
            server = DemoServer.start(options, secrets, clock);
        } catch (DemoConfigException e) {
            err.println("crumb-jetty-demo: " + e.getMessage());
            return new Launch(null, EXIT_BAD_SETTING);
        } catch (StoreException e) {
            err.println("crumb-jetty-demo: cannot open the store: " + e.getMessage());
            return new Launch(null, EXIT_CANNOT_START);
        } catch (IOException e) {
            String reason = e.getCause() instanceof BindException || e instanceof BindException
                    ? "port " + options.port() + " is in use; choose another with --port"
                    : e.getMessage();
            err.println("crumb-jetty-demo: cannot start: " + reason);
            return new Launch(null, EXIT_CANNOT_START);
        } catch (Exception e) {
            err.println("crumb-jetty-demo: cannot start: " + e);
            return new Launch(null, EXIT_CANNOT_START);
        }
        if (options.seedDemoData()) {
            seed(out, server, clock);
        }
        printWelcome(out, server, secrets);
        return new Launch(server, 0);
    }

    private static void createDataDirectory(DemoOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new DemoConfigException("cannot create the data directory " + options.dataDir() + " ("
                    + e.getMessage() + "); choose another with --data", e);
        }
    }

    /** Stores the made-up weeks of visits of {@code --seed-demo-data}, once, and says what it did. */
    static void seed(PrintStream out, DemoServer server, Clock clock) {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        LocalDate first = yesterday.minusDays(SEED_DAYS - 1L);
        DemoDataSeeder.Events events = new DemoDataSeeder(SEED, Catalog.officeSupplies()).generate(yesterday, SEED_DAYS);
        DemoDataWriter.Outcome outcome = new DemoDataWriter(server.store()).write(events, first, yesterday);
        if (outcome.written()) {
            out.printf("Made up %d page views and %d anonymous page views for %s to %s and stored them.%n",
                    outcome.pageViews(), outcome.anonymous(), first, yesterday);
        } else {
            out.printf("Not seeding: the store already counts page views for %s to %s "
                    + "(from an earlier --seed-demo-data or real visits).%n", first, yesterday);
        }
    }

    private static void printWelcome(PrintStream out, DemoServer server, DemoSecrets secrets) {
        AnalystLogin login = secrets.analyst();
        out.println("Crumb Office Supply is running at " + server.uri());
        out.println("Analytics dashboard: " + server.uri().resolve("/analytics") + " (user " + AnalystLogin.USER + ")");
        switch (login.source()) {
            case NEW_PASSWORD -> out.println("Analyst password: " + login.passwordToShowOnce().orElseThrow()
                    + "  <- shown only this once; only its hash is kept, in " + login.hashFile());
            case STORED_HASH -> out.println("Analyst password: set on first start (delete " + login.hashFile()
                    + " to get a new one)");
            case ENVIRONMENT -> out.println("Analyst password: from " + AnalystLogin.ENV);
        }
        if (secrets.keys().source() == DemoKeys.Source.NEW_KEY_FILE) {
            out.println("Generated a cookie key; it is kept in the data directory so restarts keep visitors.");
        }
        if (secrets.hashKey().source() == DemoKeys.Source.NEW_KEY_FILE) {
            out.println("Generated a hash key; it is kept in the data directory and must never change.");
        }
    }
}
