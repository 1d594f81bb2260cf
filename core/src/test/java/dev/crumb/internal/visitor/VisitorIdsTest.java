package dev.crumb.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Visitor IDs")
class VisitorIdsTest {

    @Test
    @DisplayName("are 22 URL-safe characters of 128 random bits, each one new")
    void shape() {
        VisitorIds ids = new VisitorIds(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            assertThat(seen.add(id)).as("a repeated ID: %s", id).isTrue();
        }
    }
}
