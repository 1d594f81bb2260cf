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
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /** Slots of the memo in front of the cache (a power of two). */
    static final int RECENT_SLOTS = 64;

    private final Pattern pattern;
    private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * The last verdict per slot, the slot chosen from a user agent's length and two of its characters
     * rather than a hash of all of it. A site's requests come from a few user agents, so most requests are
     * answered here by one string comparison: hashing the whole user agent and Caffeine's bookkeeping for
     * the read took most of this check's time on every page view (docs/performance.md, round 12). A slot
     * holds whatever user agent came last; a different one falls through to the cache.
     */
    private final AtomicReferenceArray<Remembered> recent = new AtomicReferenceArray<>(RECENT_SLOTS);

    private record Remembered(String userAgent, boolean bot) {
    }

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
        int slot = slot(userAgent);
        Remembered last = recent.get(slot);
        if (last != null && last.userAgent().equals(userAgent)) {
            return last.bot();
        }
        boolean bot = verdicts.get(userAgent, ua -> pattern.matcher(ua).find());
        recent.set(slot, new Remembered(userAgent, bot));
        return bot;
    }

    /** The memo slot of a non-blank user agent of at most {@value #MAX_CACHED_LENGTH} characters. */
    static int slot(String userAgent) {
        int n = userAgent.length();
        return (n * 31 + userAgent.charAt(n >> 1) * 7 + userAgent.charAt(n - 1)) & (RECENT_SLOTS - 1);
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
