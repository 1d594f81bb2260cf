package dev.crumb.demo.pages;

import dev.crumb.demo.web.FormProblems;
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

    /** The friendly messages for what is missing or malformed, in page order. */
    public FormProblems problems() {
        return new FormProblems()
                .required("name", name, "Enter your name, so we know how to address you.")
                .maxLength("name", name, 100, "Your name")
                .required("email", email, "Enter your email address, so we can reply.")
                .maxLength("email", email, 254, "The email address")
                .email("email", email)
                .maxLength("street", street, 120, "The street")
                .maxLength("city", city, 80, "The city")
                .matches("postcode", postcode, POSTCODE, "Enter a postcode of 3 to 10 letters and digits, like 97201.")
                .matches("phone", phone, PHONE, "Enter a phone number of digits, spaces and + ( ) - only.")
                .required("message", message, "Write a message, so we know how we can help.")
                .maxLength("message", message, 5000, "The message");
    }

    static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
