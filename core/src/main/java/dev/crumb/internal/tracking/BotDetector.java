package dev.crumb.internal.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recognises crawlers, monitors, scripts and headless browsers by their {@code User-Agent}: one
 * case-insensitive pattern made of the list shipped in {@code bot-user-agents.txt} (after the
 * well-known crawler-user-agents list) and the site's extra patterns. A request without a user agent
 * counts as a bot, since every browser sends one. Verdicts are cached per user agent, with a bound,
 * because a site sees few distinct user agents many times.
 */
public final class BotDetector {

    /** The shipped list, one regular expression per line; {@code #} starts a comment. */
    public static final String RESOURCE = "bot-user-agents.txt";

    private static final int MAX_CACHED_LENGTH = 512;

    private final Pattern pattern;
    private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(10_000).build();

    private BotDetector(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * The shipped patterns plus {@code extra}.
     *
     * @throws IllegalArgumentException naming the extra pattern that is not a regular expression
     */
    public static BotDetector withExtraPatterns(List<String> extra) {
        List<String> all = new ArrayList<>(shippedPatterns());
        for (String p : extra) {
            all.add(checked(p));
        }
        return new BotDetector(Pattern.compile(String.join("|", all.stream().map(p -> "(?:" + p + ")").toList()),
                Pattern.CASE_INSENSITIVE));
    }

    /**
     * Checks one extra pattern.
     *
     * @throws IllegalArgumentException naming the pattern when it is blank or not a regular expression
     */
    public static String checked(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("tracking-bot-patterns holds a blank pattern; give regular expressions such as "
                    + "'examplebot' or 'my-monitor/\\d'");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("tracking-bot-patterns entry '" + pattern + "' is not a regular expression: "
                    + e.getDescription());
        }
        return pattern.trim();
    }

    /** Whether the user agent belongs to a bot; {@code null} or blank counts as one. */
    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        if (userAgent.length() > MAX_CACHED_LENGTH) {
            return pattern.matcher(userAgent).find();
        }
        return verdicts.get(userAgent, ua -> pattern.matcher(ua).find());
    }

    static List<String> shippedPatterns() {
        try (InputStream in = BotDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the Crumb jar; rebuild it");
            }
            List<String> patterns = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    patterns.add(p);
                }
            }
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
