package dev.crumb.demo.pages;

import dev.crumb.demo.web.FormProblems;
import dev.crumb.demo.web.SiteTexts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor typed into the support form, a "reply only" form: it is used to answer this request
 * and for nothing else, so it has no marketing opt-in.
 */
public record SupportRequest(String name, String email, String serialNumber, String message) {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9-]{6,20}");

    /** An empty form, as first shown. */
    public static SupportRequest empty() {
        return new SupportRequest("", "", "", "");
    }

    /** The form pre-filled from details Crumb saved in the visitor's cookie. */
    public static SupportRequest prefilled(Map<String, String> saved) {
        return new SupportRequest(saved.getOrDefault("name", ""), saved.getOrDefault("email", ""),
                saved.getOrDefault("serialNumber", ""), "");
    }

    /**
     * The fields worth remembering for next time, under the names of Crumb's allow-list: name, email
     * and the serial number, never the description of the problem. An empty field removes what was
     * saved for it.
     */
    public Map<String, String> detailsToSave() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("serialNumber", serialNumber);
        return fields;
    }

    /** Reads the form from a posted request. */
    public static SupportRequest from(HttpServletRequest request) {
        return new SupportRequest(ContactForm.field(request, "name"), ContactForm.field(request, "email"),
                ContactForm.field(request, "serial"), ContactForm.field(request, "message"));
    }

    /** The friendly messages for what is missing or malformed, in page order, in English. */
    public FormProblems problems() {
        return problems(SiteTexts.of("en"));
    }

    /** The friendly messages for what is missing or malformed, in page order, in the language of {@code t}. */
    public FormProblems problems(SiteTexts t) {
        return new FormProblems(t)
                .required("name", name, t.get("problem.name"))
                .maxLength("name", name, 100, t.get("problem.nameLabel"))
                .required("email", email, t.get("problem.email"))
                .maxLength("email", email, 254, t.get("problem.emailLabel"))
                .email("email", email)
                .required("serial", serialNumber, t.get("problem.serial"))
                .matches("serial", serialNumber, SERIAL, t.get("problem.serialFormat"))
                .required("message", message, t.get("problem.description"))
                .maxLength("message", message, 5000, t.get("problem.descriptionLabel"));
    }
}
