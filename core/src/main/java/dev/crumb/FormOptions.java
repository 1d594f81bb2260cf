package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.form.FormFieldPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which form fields {@link Crumb#saveForm} may keep in the visitor cookie, with their maximum lengths,
 * and the field in which a form reports the visitor's age. Build one with {@link #builder()} and give it
 * to {@link CrumbConfig.Builder#forms}, or use the shortcuts of {@link CrumbConfig.Builder}.
 */
public final class FormOptions {

    private final Map<String, Integer> savedFields;
    private final String ageField;
    private final FormFieldPolicy policy;

    private FormOptions(Map<String, Integer> savedFields, String ageField) {
        this.policy = naming("saved-form-fields", () -> new FormFieldPolicy(savedFields, ageField));
        this.savedFields = Map.copyOf(savedFields);
        this.ageField = ageField;
    }

    /** A builder with the default fields and age field. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().savedFields(policy.maxLengths()).ageField(ageField);
    }

    /** The fields that may be saved, each with its maximum length in characters. */
    public Map<String, Integer> savedFields() {
        return savedFields;
    }

    /** The field in which forms report the visitor's age, or {@code null} when that check is off. */
    public String ageField() {
        return ageField;
    }

    /** The checks on saved fields, for the engine. */
    FormFieldPolicy policy() {
        return policy;
    }

    /** Builds {@link FormOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private Map<String, Integer> savedFields = FormFieldPolicy.DEFAULT_FIELDS;
        private String ageField = "age";

        private Builder() {
        }

        /**
         * The form fields that may be saved in the cookie (with preferences consent), each with its maximum
         * length in characters. Default: name 100, email 254, street 200, city 100, postcode 16, country 60,
         * phone 32, customerNumber 40, serialNumber 40. Free text (a message) should never be listed.
         */
        public Builder savedFields(Map<String, Integer> fieldsAndMaxLengths) {
            check(fieldsAndMaxLengths != null, "saved-form-fields", "saved-form-fields must not be null");
            naming("saved-form-fields", () -> new FormFieldPolicy(fieldsAndMaxLengths, null));
            this.savedFields = new LinkedHashMap<>(fieldsAndMaxLengths);
            return this;
        }

        /**
         * The form field in which a form reports the visitor's age (default {@code age}); a form reporting
         * an age under 13 saves nothing. {@code null} turns the check off.
         */
        public Builder ageField(String field) {
            check(field == null || field.matches("[A-Za-z][A-Za-z0-9_-]{0,39}"), "age-field",
                    "age-field '" + field + "' is not a field name");
            this.ageField = field;
            return this;
        }

        /** Checks the fields and the age field together and builds the options. */
        public FormOptions build() {
            return new FormOptions(savedFields, ageField);
        }
    }
}
