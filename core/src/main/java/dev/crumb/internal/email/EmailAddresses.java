package dev.crumb.internal.email;

import java.util.regex.Pattern;

/**
 * A deliberately loose plausibility check for email addresses typed into forms: one {@code @}, a dot in
 * the domain, no spaces or control characters, at most 254 characters. Real validation is sending mail.
 */
final class EmailAddresses {

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private EmailAddresses() {
    }

    /** Whether {@code address} (trimmed) is plausibly an email address. */
    public static boolean plausible(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        return a.length() <= 254 && PLAUSIBLE.matcher(a).matches();
    }
}
