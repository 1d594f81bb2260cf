package dev.crumb.demo;

import dev.crumb.testsupport.Browser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what tests need from the demo's pages, and fills in its forms as a visitor would. */
final class SitePages {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private SitePages() {
    }

    /** The CSRF token of the first form on {@code page}. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page:\n" + page);
        }
        return m.group(1);
    }

    /** Opens {@code formPath} and posts {@code fields} with the token that page carries. */
    static HttpResponse<String> submit(Browser browser, String formPath, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrf(browser.get(formPath).body()));
        return browser.post(action, form);
    }

    /** Chooses in Crumb's banner, as the banner's buttons do: {@code accept-all} or {@code reject-all}. */
    static HttpResponse<String> choose(Browser browser, String action) throws IOException, InterruptedException {
        return submit(browser, "/", "/crumb/consent", Map.of("action", action, "return", "/"));
    }
}
