package dev.crumb.demo.pages;

import dev.crumb.demo.web.FormProblems;
import dev.crumb.demo.web.SiteTexts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor typed into the contact form. Values are trimmed; a missing field is an empty string.
 *
 * @param marketing whether the visitor ticked "Send me news and offers"; never ticked by default
 */
public record ContactForm(String name, String email, String street, String city, String postcode, String phone,
                          String message, boolean marketing) {

    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9 -]{3,10}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{6,25}");

    /** An empty form, as first shown. */
    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", "", "", false);
    }

    /** The form pre-filled from details Crumb saved in the visitor's cookie; the opt-in is never ticked. */
    public static ContactForm prefilled(Map<String, String> saved) {
        return new ContactForm(saved.getOrDefault("name", ""), saved.getOrDefault("email", ""),
                saved.getOrDefault("street", ""), saved.getOrDefault("city", ""), saved.getOrDefault("postcode", ""),
                saved.getOrDefault("phone", ""), "", false);
    }

    /**
     * The fields worth remembering for next time, under the names of Crumb's allow-list: the contact
     * details, never the message or the opt-in. An empty field removes what was saved for it, so a
     * visitor who clears the phone number is not offered it again.
     */
    public Map<String, String> detailsToSave() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("street", street);
        fields.put("city", city);
        fields.put("postcode", postcode);
        fields.put("phone", phone);
        return fields;
    }

    /** Reads the form from a posted request. */
    public static ContactForm from(HttpServletRequest request) {
        return new ContactForm(field(request, "name"), field(request, "email"), field(request, "street"),
                field(request, "city"), field(request, "postcode"), field(request, "phone"),
                field(request, "message"), "yes".equals(request.getParameter("marketing")));
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
                .maxLength("street", street, 120, t.get("problem.streetLabel"))
                .maxLength("city", city, 80, t.get("problem.cityLabel"))
                .matches("postcode", postcode, POSTCODE, t.get("problem.postcode"))
                .matches("phone", phone, PHONE, t.get("problem.phone"))
                .required("message", message, t.get("problem.message"))
                .maxLength("message", message, 5000, t.get("problem.messageLabel"));
    }

    static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
