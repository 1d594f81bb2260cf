package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.AnalystPassword;
import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Analyst password hashes")
class PasswordHashTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    @DisplayName("AnalystPassword.hash makes a pbkdf2-sha256 hash with 210 000 iterations that verifies the password")
    void hashAndVerify() {
        char[] password = PASSWORD.toCharArray();
        String text = AnalystPassword.hash(password);

        assertThat(text).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(password).containsOnly('\0');
        PasswordHash hash = PasswordHash.parse(text);
        assertThat(hash.matches(PASSWORD.toCharArray())).isTrue();
        assertThat(hash.matches("correct horse battery stapler".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    @DisplayName("two hashes of the same password differ by their salt, and both verify")
    void salted() {
        String a = AnalystPassword.hash(PASSWORD.toCharArray());
        String b = AnalystPassword.hash(PASSWORD.toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(PasswordHash.parse(b).matches(PASSWORD.toCharArray())).isTrue();
    }

    @Test
    @DisplayName("the text form survives a round trip, with or without base64 padding")
    void roundTrip() {
        PasswordHash hash = PasswordHash.create(PASSWORD.toCharArray(), new SecureRandom());
        assertThat(PasswordHash.parse(hash.format())).isEqualTo(hash);
        String[] parts = hash.format().split("\\$");
        String padded = parts[0] + "$" + parts[1] + "$" + parts[2] + "==$" + parts[3] + "=";
        assertThat(PasswordHash.parse(padded)).isEqualTo(hash);
        assertThat(hash.toString()).doesNotContain(parts[3]);
    }

    @Test
    @DisplayName("weak or malformed hashes are refused with a message that says how to make one, never echoing it")
    void refusesBadHashes() {
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$"
                + "a".repeat(43))).hasMessageContaining("210000").hasMessageContaining("AnalystPassword.hash");
        assertThatThrownBy(() -> PasswordHash.parse("bcrypt$2a$10$secretsecret"))
                .hasMessageContaining("pbkdf2-sha256$<iterations>").hasMessageNotContaining("secretsecret");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$210000$!!!$???"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$210000$c2FsdA$" + "a".repeat(43)))
                .hasMessageContaining("salt of at least 16 bytes");
        assertThatThrownBy(() -> PasswordHash.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    @DisplayName("a password shorter than 12 characters is not hashed")
    void shortPassword() {
        assertThatThrownBy(() -> AnalystPassword.hash("short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
    }
}
