package dev.crumb.bench.load;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The wrk Lua scripts that make wrk's connections behave like visitors.
 *
 * <p>wrk's Lua API does not say which connection a response arrived on, so the returning-visitor
 * script keeps its own visitors ("slots"): each request takes a slot that has no request in flight,
 * sends that slot's cookies and names the slot in a header the servers echo; the response puts the
 * slot back and stores any {@code Set-Cookie}, as a browser would. As each connection has at most one
 * request in flight, a wrk thread with N connections ends up with N visitors, each sending the cookies
 * it was given. The first request of a slot carries no cookie: it is that visitor's first visit.
 * wrk hands the script one value per header name, so only the last of several {@code Set-Cookie}
 * headers in one response is kept; each bench server sends at most one.
 */
public final class VisitorScript {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");

    private static final String RETURNING = """
            -- crumb-bench: returning visitors. Each wrk thread keeps one visitor per connection ("slot");
            -- a visitor sends back the cookies it was given (Set-Cookie), like a browser.
            local slot_header = "@SLOT_HEADER@"
            -- a browser's user agent, so that Crumb counts the page views (wrk's own would be a bot)
            local user_agent = "@USER_AGENT@"
            local slot_header_lower = string.lower(slot_header)
            -- the page a browser comes from when it follows a link, or nil for none
            local referer = @REFERER@
            local free = {}     -- slots with no request in flight
            local cookie = {}   -- slot -> Cookie header value, or nil before the first Set-Cookie
            local jars = {}     -- slot -> { name -> value }
            local slots = 0

            local function cookie_header(jar)
              local parts = {}
              for name, value in pairs(jar) do
                parts[#parts + 1] = name .. "=" .. value
              end
              if #parts == 0 then return nil end
              table.sort(parts)
              return table.concat(parts, "; ")
            end

            function request()
              local slot = table.remove(free)
              if slot == nil then
                slots = slots + 1
                slot = slots
                jars[slot] = {}
              end
              local headers = { [slot_header] = tostring(slot), ["User-Agent"] = user_agent,
                                ["Accept-Language"] = "en-US,en;q=0.8", ["X-Bench-Country"] = "US" }
              headers["Cookie"] = cookie[slot]
              headers["Referer"] = referer
              return wrk.format(nil, nil, headers)
            end

            function response(status, headers, body)
              local slot, set_cookie
              for name, value in pairs(headers) do
                local lower = string.lower(name)
                if lower == slot_header_lower then
                  slot = tonumber(value)
                elseif lower == "set-cookie" then
                  set_cookie = value
                end
              end
              if slot == nil or jars[slot] == nil then return end
              if set_cookie ~= nil then
                local name, value = string.match(set_cookie, "^%s*([^=;%s]+)=([^;]*)")
                if name ~= nil then
                  if value == "" or string.find(set_cookie, "[Mm]ax%-[Aa]ge=0") then
                    jars[slot][name] = nil
                  else
                    jars[slot][name] = value
                  end
                  cookie[slot] = cookie_header(jars[slot])
                end
              end
              free[#free + 1] = slot
            end
            """;

    private static final String NEW = """
            -- crumb-bench: new visitors. Every request goes without cookies, like a first visit.
            wrk.method = "GET"
            wrk.headers["User-Agent"] = "@USER_AGENT@"
            wrk.headers["Accept-Language"] = "en-US,en;q=0.8"
            wrk.headers["X-Bench-Country"] = "US"
            """;

    private static final String REPLAY = """
            -- crumb-bench: one returning visitor whose client replays one fixed cookie on every request and
            -- ignores Set-Cookie, as monitors, scripts, load tools and many scrapers do.
            wrk.method = "GET"
            wrk.headers["User-Agent"] = "@USER_AGENT@"
            wrk.headers["Accept-Language"] = "en-US,en;q=0.8"
            wrk.headers["X-Bench-Country"] = "US"
            @COOKIE_LINE@
            @REFERER_LINE@
            """;

    /** What a Referer may hold here: an http(s) URL of plain characters, nothing Lua would read as code. */
    private static final Pattern REFERER = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]-]+/[A-Za-z0-9._~/-]*");

    /** What a replayed cookie may hold: the name=value pairs of a Cookie header, nothing Lua would read as code. */
    private static final Pattern COOKIE_HEADER = Pattern.compile("[A-Za-z0-9._~!#$%&'*+^`|=;:/?@ -]*");

    /** The user agent the simulated visitors send: an ordinary browser, so Crumb tracks their page views. */
    public static final String BROWSER_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private VisitorScript() {
    }

    /**
     * Whether the simulated visitors come back with their cookies, are new on every request, or are one
     * visitor whose client replays one fixed cookie.
     */
    public enum Visitors {
        RETURNING("returning visitors"),
        NEW("new visitors"),
        REPLAY("one replayed cookie");

        private final String label;

        Visitors(String label) {
            this.label = label;
        }

        /** How reports name the mode. */
        public String label() {
            return label;
        }
    }

    /**
     * The script for returning or new visitors.
     *
     * @param slotHeader the header the servers echo to name the visitor (letters, digits and '-')
     */
    public static String lua(Visitors visitors, String slotHeader) {
        return lua(visitors, slotHeader, null);
    }

    /**
     * The script for these visitors.
     *
     * @param slotHeader the header the servers echo to name the visitor (letters, digits and '-')
     * @param cookie     for {@link Visitors#REPLAY}: the {@code Cookie} header sent on every request, or
     *                   {@code null} when the server gave none (then none is sent); ignored otherwise
     */
    public static String lua(Visitors visitors, String slotHeader, String cookie) {
        return lua(visitors, slotHeader, cookie, null);
    }

    /**
     * The script for these visitors, each request carrying {@code referer} as its {@code Referer}.
     *
     * @param referer the {@code Referer} of every request (a link followed from that page), or {@code null} for
     *                none; not for new visitors, whom a Referer of the site itself would make browsers that
     *                block cookies
     */
    public static String lua(Visitors visitors, String slotHeader, String cookie, String referer) {
        Objects.requireNonNull(visitors, "visitors");
        if (slotHeader == null || !HEADER_NAME.matcher(slotHeader).matches()) {
            throw new IllegalArgumentException("slot header '" + slotHeader + "' must be letters, digits and '-'");
        }
        if (referer != null && !REFERER.matcher(referer).matches()) {
            throw new IllegalArgumentException("the Referer '" + referer + "' must be an http(s) URL of plain characters");
        }
        if (referer != null && visitors == Visitors.NEW) {
            throw new IllegalArgumentException("new visitors come from elsewhere: a Referer of the site itself would make"
                    + " them browsers that block cookies; send one only for returning visitors or a replayed cookie");
        }
        String script = switch (visitors) {
            case RETURNING -> RETURNING.replace("@SLOT_HEADER@", slotHeader)
                    .replace("@REFERER@", referer == null ? "nil" : "\"" + referer + "\"");
            case NEW -> NEW;
            case REPLAY -> REPLAY.replace("@COOKIE_LINE@", cookieLine(cookie))
                    .replace("@REFERER_LINE@", referer == null ? "-- (no Referer)" : "wrk.headers[\"Referer\"] = \"" + referer + "\"");
        };
        return script.replace("@USER_AGENT@", BROWSER_USER_AGENT);
    }

    private static String cookieLine(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return "-- (the server set no cookie: requests go without one)";
        }
        if (!COOKIE_HEADER.matcher(cookie).matches()) {
            throw new IllegalArgumentException("the cookie to replay has characters a Cookie header cannot carry");
        }
        return "wrk.headers[\"Cookie\"] = \"" + cookie + "\"";
    }
}
