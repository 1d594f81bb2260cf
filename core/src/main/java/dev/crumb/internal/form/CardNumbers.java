package dev.crumb.internal.form;

/**
 * Recognises values that look like payment card numbers — 13 to 19 digits, spaces and dashes ignored,
 * passing the Luhn check — so they are never saved, whatever the field is called.
 */
final class CardNumbers {

    private CardNumbers() {
    }

    /** Whether {@code value}, without spaces and dashes, is 13–19 digits with a valid Luhn checksum. */
    public static boolean looksLikeCardNumber(String value) {
        if (value == null) {
            return false;
        }
        int digits = 0;
        int[] d = new int[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                d[digits++] = c - '0';
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        if (digits < 13 || digits > 19) {
            return false;
        }
        int sum = 0;
        for (int i = digits - 1, pos = 0; i >= 0; i--, pos++) {
            int x = d[i];
            if (pos % 2 == 1) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
        }
        return sum % 10 == 0;
    }
}
