package dev.crumb.demo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's settings from its command line and environment. {@link #parse} checks every option, so a
 * bad value stops the demo at start-up with a message naming the option.
 *
 * @param action         what to do: run the site, print the help, or print a new key
 * @param port           the HTTP port; 0 picks a free one
 * @param dataDir        where the embedded database, key file and password hash are kept
 * @param visitTimeout   inactivity after which a new visit starts
 * @param policyRevision the revision of the privacy policy that consent refers to
 * @param database       the embedded database or an external one
 * @param seedDemoData   whether to make up a few weeks of visits at start-up
 * @param countryHeader  the trusted request header naming the visitor's country (set by the CDN), or
 *                       {@code null}: then the consent region is unknown (opt-in) until the visitor chooses
 * @param languages      the languages Crumb takes from browsers
 */
public record DemoOptions(Action action, int port, Path dataDir, Duration visitTimeout, int policyRevision,
                          DemoDatabase database, boolean seedDemoData, String countryHeader, List<String> languages) {

    /** What the demo was asked to do. */
    public enum Action {
        /** Run the site. */
        RUN,
        /** Print the list of options and exit. */
        HELP,
        /** Print a fresh key for {@code CRUMB_KEYS} and exit. */
        NEW_KEY
    }

    /** The environment variable holding the password of {@code --db-url}. */
    public static final String DB_PASSWORD_ENV = "CRUMB_DB_PASSWORD";

    /** Crumb requires the visit timeout to exceed its last-seen refresh, one minute by default: checked here, once. */
    private static final Duration LAST_SEEN_REFRESH = Duration.ofMinutes(1);
    private static final Duration LONGEST_VISIT_TIMEOUT = Duration.ofHours(24);

    public DemoOptions {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(visitTimeout, "visitTimeout");
        Objects.requireNonNull(database, "database");
        languages = List.copyOf(languages);
    }

    /**
     * Reads {@code args} ({@code --port 8080} or {@code --port=8080}) and {@code env}.
     *
     * @throws DemoConfigException naming the option and what it accepts, for an unknown option, a
     *                             missing or malformed value, or an option given twice
     */
    public static DemoOptions parse(String[] args, Map<String, String> env) {
        Map<DemoOption, String> given = read(args);
        if (given.containsKey(DemoOption.HELP)) {
            return defaults(Action.HELP);
        }
        if (given.containsKey(DemoOption.NEW_KEY)) {
            return defaults(Action.NEW_KEY);
        }
        Path dataDir = path(valueOf(given, DemoOption.DATA));
        String dbUrl = given.get(DemoOption.DB_URL);
        String dbUser = given.get(DemoOption.DB_USER);
        if (dbUser != null && dbUrl == null) {
            throw new DemoConfigException("--db-user needs --db-url; without --db-url the embedded database is used");
        }
        DemoDatabase database = dbUrl == null
                ? new DemoDatabase.Embedded(dataDir)
                : new DemoDatabase.External(jdbcUrl(dbUrl), dbUser, env.get(DB_PASSWORD_ENV));
        return new DemoOptions(Action.RUN,
                port(valueOf(given, DemoOption.PORT)),
                dataDir,
                visitTimeout(valueOf(given, DemoOption.VISIT_TIMEOUT)),
                policyRevision(valueOf(given, DemoOption.POLICY_REVISION)),
                database,
                given.containsKey(DemoOption.SEED_DEMO_DATA),
                countryHeader(given.get(DemoOption.COUNTRY_HEADER)),
                languages(valueOf(given, DemoOption.LANGUAGES)));
    }

    /** The {@code --help} text: every option with its default, and the environment variables. */
    public static String helpText() {
        return DemoOption.helpText();
    }

    private static DemoOptions defaults(Action action) {
        Path dataDir = Path.of(DemoOption.DATA.defaultValue);
        return new DemoOptions(action, Integer.parseInt(DemoOption.PORT.defaultValue), dataDir,
                Duration.parse(DemoOption.VISIT_TIMEOUT.defaultValue),
                Integer.parseInt(DemoOption.POLICY_REVISION.defaultValue), new DemoDatabase.Embedded(dataDir), false,
                null, languages(DemoOption.LANGUAGES.defaultValue));
    }

    private static List<String> languages(String value) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String code = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (!code.matches("[a-z]{2,3}")) {
                throw invalid(DemoOption.LANGUAGES, value);
            }
            out.add(code);
        }
        if (!out.contains("en")) {
            throw new DemoConfigException("--languages must include en, the shop's default language; was '" + value + "'");
        }
        return out;
    }

    private static Map<DemoOption, String> read(String[] args) {
        Map<DemoOption, String> given = new EnumMap<>(DemoOption.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String flag = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            DemoOption option = DemoOption.byFlag(flag).orElseThrow(() -> unknown(flag));
            String value;
            if (!option.takesValue()) {
                if (!flag.equals(arg)) {
                    throw new DemoConfigException(option.flag + " takes no value; remove '" + arg.substring(equals) + "'");
                }
                value = "";
            } else if (!flag.equals(arg)) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new DemoConfigException(option.flag + " needs a value: " + option.accepted);
            }
            if (given.put(option, value) != null) {
                throw new DemoConfigException(option.flag + " was given twice; give each option once");
            }
        }
        return given;
    }

    private static DemoConfigException unknown(String arg) {
        if (arg.startsWith("-")) {
            return new DemoConfigException("unknown option '" + arg + "'; run with --help to see every option");
        }
        return new DemoConfigException("unexpected argument '" + arg
                + "'; every setting is an option starting with --, run with --help to see them");
    }

    private static String valueOf(Map<DemoOption, String> given, DemoOption option) {
        return given.getOrDefault(option, option.defaultValue);
    }

    private static DemoConfigException invalid(DemoOption option, String value) {
        return new DemoConfigException(option.flag + " must be " + option.accepted + "; was '" + value + "'");
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(DemoOption.PORT, value);
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw invalid(DemoOption.DATA, value);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(DemoOption.DATA, value);
        }
    }

    private static Duration visitTimeout(String value) {
        try {
            Duration timeout = Duration.parse(value.strip());
            if (timeout.compareTo(LAST_SEEN_REFRESH) > 0 && timeout.compareTo(LONGEST_VISIT_TIMEOUT) <= 0) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(DemoOption.VISIT_TIMEOUT, value);
    }

    private static String countryHeader(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        if (name.matches("[A-Za-z0-9-]{1,64}")) {
            return name;
        }
        throw invalid(DemoOption.COUNTRY_HEADER, value);
    }

    private static int policyRevision(String value) {
        try {
            int revision = Integer.parseInt(value.strip());
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(DemoOption.POLICY_REVISION, value);
    }

    private static String jdbcUrl(String value) {
        if (!value.startsWith("jdbc:") || value.length() <= "jdbc:".length()) {
            throw invalid(DemoOption.DB_URL, value);
        }
        return value;
    }
}
