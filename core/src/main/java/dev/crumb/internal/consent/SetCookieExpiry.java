package dev.crumb.internal.consent;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with the lifetime of a {@code Set-Cookie} line, read the way browsers read it
 * (RFC 6265bis §5.6 and the cookie-date algorithm of §5.1.1): attribute names in any letter case with
 * spaces and tabs around them, an invalid {@code Max-Age} ignored, the <em>last</em> valid
 * {@code Max-Age} winning, any valid {@code Max-Age} overriding {@code Expires}, the last valid
 * {@code Expires} otherwise. The consent gate lets a refused cookie out only when this says
 * {@link Kind#DELETES}: the line can only remove the cookie from the browser.
 */
final class SetCookieExpiry {

    /** What the line does to the cookie's lifetime. */
    public enum Kind {
        /** The browser deletes the cookie (or never stores it): expiry at or before now. */
        DELETES,
        /** The browser stores the cookie: a session cookie, a future expiry, or an expiry too close to call. */
        STORES,
        /** The browser ignores the whole line (control characters, or neither name nor value). */
        IGNORED
    }

    /**
     * An {@code Expires} in the past by less than this is not taken as a deletion: the visitor's clock may
     * be behind the server's, and then the browser keeps the cookie. Deletions in practice say 1970.
     */
    static final Duration CLOCK_MARGIN = Duration.ofDays(1);
    /** Browsers ignore an attribute value longer than this (RFC 6265bis §5.6). */
    private static final int MAX_ATTRIBUTE_VALUE = 1024;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\D.*)?", Pattern.DOTALL);
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:\\D.*)?", Pattern.DOTALL);
    private static final Pattern MONTH = Pattern.compile("(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern YEAR = Pattern.compile("(\\d{2,4})(?:\\D.*)?", Pattern.DOTALL);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private SetCookieExpiry() {
    }

    /** What the {@code Set-Cookie} value {@code line} does, for a browser whose clock says {@code now}. */
    public static Kind of(String line, Instant now) {
        if (line == null || hasControlCharacter(line)) {
            return Kind.IGNORED;
        }
        int semicolon = line.indexOf(';');
        String pair = semicolon < 0 ? line : line.substring(0, semicolon);
        int eq = pair.indexOf('=');
        String name = eq < 0 ? "" : trimWsp(pair.substring(0, eq));
        String value = eq < 0 ? trimWsp(pair) : trimWsp(pair.substring(eq + 1));
        if (name.isEmpty() && value.isEmpty()) {
            return Kind.IGNORED;
        }
        Long maxAge = null;
        Instant expires = null;
        String rest = semicolon < 0 ? "" : line.substring(semicolon + 1);
        for (String av : rest.split(";", -1)) {
            int avEq = av.indexOf('=');
            String avName = trimWsp(avEq < 0 ? av : av.substring(0, avEq)).toLowerCase(Locale.ROOT);
            String avValue = avEq < 0 ? "" : trimWsp(av.substring(avEq + 1));
            if (avValue.length() > MAX_ATTRIBUTE_VALUE) {
                continue;
            }
            if (avName.equals("max-age")) {
                Long parsed = deltaSeconds(avValue);
                if (parsed != null) {
                    maxAge = parsed; // the last valid one wins
                }
            } else if (avName.equals("expires")) {
                Instant parsed = cookieDate(avValue);
                if (parsed != null) {
                    expires = parsed;
                }
            }
        }
        if (maxAge != null) {
            return maxAge <= 0 ? Kind.DELETES : Kind.STORES;
        }
        if (expires != null && expires.isBefore(now.minus(CLOCK_MARGIN))) {
            return Kind.DELETES;
        }
        return Kind.STORES;
    }

    /**
     * A {@code Max-Age} value as browsers read it: a DIGIT, or "-" and a DIGIT, then only DIGITs; else
     * {@code null} (the attribute is ignored). Only the sign matters here, so huge values saturate.
     */
    static Long deltaSeconds(String value) {
        if (value.isEmpty()) {
            return null;
        }
        boolean negative = value.charAt(0) == '-';
        String digits = negative ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty()) {
            return 0L;
        }
        long magnitude = significant.length() > 15 ? Long.MAX_VALUE / 2 : Long.parseLong(significant);
        return negative ? -magnitude : magnitude;
    }

    /** The cookie-date algorithm of RFC 6265 §5.1.1; {@code null} when browsers would ignore the date. */
    static Instant cookieDate(String value) {
        int[] time = null;
        Integer day = null;
        Integer month = null;
        Integer year = null;
        for (String token : value.split("[\\x09\\x20-\\x2F\\x3B-\\x40\\x5B-\\x60\\x7B-\\x7E]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher m;
            if (time == null && (m = TIME.matcher(token)).matches()) {
                time = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            } else if (day == null && (m = DAY.matcher(token)).matches()) {
                day = Integer.parseInt(m.group(1));
            } else if (month == null && (m = MONTH.matcher(token)).matches()) {
                month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) / 3 + 1;
            } else if (year == null && (m = YEAR.matcher(token)).matches()) {
                year = Integer.parseInt(m.group(1));
            }
        }
        if (time == null || day == null || month == null || year == null) {
            return null;
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, time[0], time[1], time[2]).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // a date that does not exist, such as 31 February: browsers ignore it too
        }
    }

    private static boolean hasControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Removes spaces and horizontal tabs at both ends, as RFC 6265bis does (not other characters). */
    private static String trimWsp(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
