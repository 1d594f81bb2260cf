package dev.crumb.demo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contact and support forms' checks")
class ContactFormTest {

    @Test
    @DisplayName("name, email and message are required, in page order")
    void required() {
        assertThat(ContactForm.empty().problems().all()).containsOnlyKeys("name", "email", "message")
                .containsEntry("email", "Enter your email address, so we can reply.");
    }

    @Test
    @DisplayName("a complete form with optional fields left blank passes")
    void completePasses() {
        ContactForm form = new ContactForm("Ada Lovelace", "ada@example.com", "", "", "", "", "Hello", false);

        assertThat(form.problems().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a malformed email, postcode or phone gets one friendly message each")
    void malformed() {
        ContactForm form = new ContactForm("Ada", "ada@", "1 Main St", "Portland", "97201<>", "call me", "Hi", true);

        assertThat(form.problems().all())
                .containsEntry("email", "Enter an email address like name@example.com.")
                .containsEntry("postcode", "Enter a postcode of 3 to 10 letters and digits, like 97201.")
                .containsEntry("phone", "Enter a phone number of digits, spaces and + ( ) - only.");
    }

    @Test
    @DisplayName("an over-long message says how long it may be")
    void tooLong() {
        ContactForm form = new ContactForm("Ada", "ada@example.com", "", "", "", "", "x".repeat(5001), false);

        assertThat(form.problems().of("message")).isEqualTo("The message can be at most 5000 characters long (it has 5001).");
    }

    @Test
    @DisplayName("a support request needs a serial number of the right shape")
    void serialNumber() {
        SupportRequest request = new SupportRequest("Ada", "ada@example.com", "12", "It jams.");

        assertThat(request.problems().all()).containsOnlyKeys("serial");
        assertThat(new SupportRequest("Ada", "ada@example.com", "P200-4471-K", "It jams.").problems().isEmpty()).isTrue();
    }
}
