package dev.crumb.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.FormSaveResult;
import dev.crumb.FormSaveResult.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Saving form data in the cookie")
class FormSaverTest {

    private final FormSaver saver = new FormSaver(new FormFieldPolicy(FormFieldPolicy.DEFAULT_FIELDS, "age"));

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private FormSaver.Outcome save(Map<String, String> submitted) {
        return saver.save(Map.of(), submitted, true, fields -> List.of());
    }

    @Test
    @DisplayName("saves allow-listed fields and never the free-text message")
    void allowList() {
        FormSaver.Outcome o = save(form("name", "Ada", "email", "ada@example.com", "message", "Hello, my card is ..."));
        assertThat(o.fields()).containsOnlyKeys("name", "email");
        assertThat(o.result().status()).isEqualTo(FormSaveResult.Status.PARTLY_SAVED);
        assertThat(o.result().skipped()).containsEntry("message", Reason.NOT_ALLOWED);
    }

    @Test
    @DisplayName("never saves a card number, whatever the field")
    void cardNumber() {
        FormSaver.Outcome o = save(form("name", "4111 1111 1111 1111", "city", "Rochester"));
        assertThat(o.fields()).containsOnlyKeys("city");
        assertThat(o.result().skipped()).containsEntry("name", Reason.LOOKS_LIKE_CARD_NUMBER);
    }

    @Test
    @DisplayName("refuses values over the field's maximum length")
    void tooLong() {
        FormSaver.Outcome o = save(form("postcode", "1".repeat(17)));
        assertThat(o.fields()).isEmpty();
        assertThat(o.result().status()).isEqualTo(FormSaveResult.Status.NOT_SAVED);
        assertThat(o.result().skipped()).containsEntry("postcode", Reason.TOO_LONG);
    }

    @Test
    @DisplayName("saves nothing without preferences consent")
    void noConsent() {
        FormSaver.Outcome o = saver.save(Map.of(), form("name", "Ada"), false, f -> List.of());
        assertThat(o.fields()).isEmpty();
        assertThat(o.result().skipped()).containsEntry("name", Reason.NO_CONSENT);
    }

    @Test
    @DisplayName("saves nothing from a form that reports an age under 13")
    void child() {
        FormSaver.Outcome o = save(form("name", "Tim", "age", "12"));
        assertThat(o.fields()).isEmpty();
        assertThat(o.result().skipped()).containsEntry("name", Reason.UNDER_13);
        assertThat(save(form("name", "Ann", "age", "13")).fields()).containsOnlyKeys("name");
    }

    @Test
    @DisplayName("merges over what was saved before; an empty value removes a field")
    void merge() {
        FormSaver.Outcome o = saver.save(Map.of("name", "Ada", "city", "London"), form("city", "", "phone", "+44 20 7946 0000"),
                true, f -> List.of());
        assertThat(o.fields()).containsEntry("name", "Ada").containsEntry("phone", "+44 20 7946 0000").doesNotContainKey("city");
    }

    @Test
    @DisplayName("strips control characters such as CR/LF and trims")
    void sanitises() {
        assertThat(save(form("name", "  Ada\r\nSet-Cookie: x  ")).fields()).containsEntry("name", "AdaSet-Cookie: x");
    }

    @Test
    @DisplayName("reports the fields that gave way to the cookie's size limit")
    void cookieFull() {
        FormSaver.Outcome o = saver.save(Map.of(), form("name", "Ada", "street", "Long street"), true, f -> List.of("street"));
        assertThat(o.fields()).containsOnlyKeys("name");
        assertThat(o.result().status()).isEqualTo(FormSaveResult.Status.PARTLY_SAVED);
        assertThat(o.result().skipped()).containsEntry("street", Reason.COOKIE_FULL);
    }

    @Test
    @DisplayName("refuses an allow-list with a bad field name or length, naming the option")
    void badPolicy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FormFieldPolicy(Map.of("bad name", 10), null))
                .hasMessageContaining("saved-form-fields");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FormFieldPolicy(Map.of("name", 0), null))
                .hasMessageContaining("saved-form-fields");
    }
}
