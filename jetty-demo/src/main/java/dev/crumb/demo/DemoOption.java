package dev.crumb.demo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The command-line options of the demo: their names, what value each takes, defaults and help text.
 * Parsing ({@link DemoOptions#parse}) and {@code --help} both read this table, so they cannot disagree.
 */
enum DemoOption {
    PORT("--port", "PORT", "8080", "a port number from 0 to 65535",
            "HTTP port to listen on; 0 picks a free one"),
    DATA("--data", "DIR", "./crumb-data", "a directory path",
            "where the embedded database, the key files and the analyst password hash are kept"),
    VISIT_TIMEOUT("--visit-timeout", "DURATION", "PT30M", "an ISO-8601 duration longer than PT1M (Crumb's last-seen-refresh) and at most PT24H, like PT30M",
            "inactivity after which a visitor's next page view starts a new visit"),
    POLICY_REVISION("--policy-revision", "N", "1", "a whole number from 1 up",
            "revision of the privacy policy that consent refers to; raise it when the policy changes"),
    COUNTRY_HEADER("--country-header", "NAME", "none (consent region unknown, so opt-in, until the visitor chooses)",
            "a header name such as CF-IPCountry or CloudFront-Viewer-Country",
            "trusted header set by your CDN or proxy with the visitor's country; decides the consent defaults"),
    DB_URL("--db-url", "URL", "embedded H2 in the data directory",
            "a JDBC URL starting with jdbc:, like jdbc:postgresql://localhost:5432/crumb",
            "JDBC URL of an external database (password from CRUMB_DB_PASSWORD)"),
    DB_USER("--db-user", "USER", "none", "a database user name",
            "user for --db-url"),
    LANGUAGES("--languages", "LIST", "en,de,fr", "comma-separated ISO 639 codes, like en,de,fr,pl",
            "languages taken from browsers; the shop's own pages speak en, de and fr, Crumb's banner and pages 26 European languages"),
    SEED_DEMO_DATA("--seed-demo-data", null, "off", null,
            "store four made-up weeks of visits, ending yesterday, so the dashboard has something to show; skipped when the store already counts page views in those days"),
    NEW_KEY("--new-key", null, null, null,
            "print a fresh random key for CRUMB_KEYS and exit"),
    HELP("--help", null, null, null,
            "print this help and exit");

    final String flag;
    final String argument;
    final String defaultValue;
    final String accepted;
    final String description;

    DemoOption(String flag, String argument, String defaultValue, String accepted, String description) {
        this.flag = flag;
        this.argument = argument;
        this.defaultValue = defaultValue;
        this.accepted = accepted;
        this.description = description;
    }

    /** Whether the option is followed by a value. */
    boolean takesValue() {
        return argument != null;
    }

    static Optional<DemoOption> byFlag(String flag) {
        if ("-h".equals(flag)) {
            return Optional.of(HELP);
        }
        return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
    }

    /** The help text listing every option with its default, and the environment variables. */
    static String helpText() {
        StringBuilder help = new StringBuilder("""
                Usage: java -jar crumb-jetty-demo.jar [options]

                Runs Crumb Office Supply, the demo shop of the Crumb library, on embedded Jetty.

                Options:
                """);
        for (DemoOption option : values()) {
            String left = option.flag + (option.takesValue() ? " " + option.argument : "");
            help.append(String.format("  %-28s %s%n", left, option.description));
            if (option.defaultValue != null) {
                help.append(String.format("  %-28s (default: %s)%n", "", option.defaultValue));
            }
        }
        help.append("""

                Environment:
                  CRUMB_KEYS               comma-separated base64url keys of 32 bytes; the first encrypts,
                                           all decrypt (default: a key generated once into DIR/crumb-keys)
                  CRUMB_HASH_KEY           one base64url key of 32 bytes for the keyed hashes in the store;
                                           never change it (default: generated once into DIR/crumb-hash-key)
                  CRUMB_ANALYST_PASSWORD   password of the analyst login, 12 characters or more
                                           (default: generated on first start, printed once, hash kept in DIR)
                  CRUMB_DB_PASSWORD        password for --db-url
                """);
        return help.toString();
    }
}
