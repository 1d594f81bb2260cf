package dev.crumb.demo.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The privacy policy's revisions")
class PrivacyPolicyTest {

    @Test
    @DisplayName("lists every revision up to the current one, newest first")
    void newestFirst() {
        assertThat(new PrivacyPolicy(3).revisions()).extracting(PrivacyPolicy.Revision::number).containsExactly(3, 2, 1);
    }

    @Test
    @DisplayName("describes the first revision, and says so when a later one has no notes yet")
    void notes() {
        PrivacyPolicy policy = new PrivacyPolicy(2);

        assertThat(policy.revisions().get(1).changes()).contains("First policy of the online shop.");
        assertThat(policy.revisions().get(0).changes()).singleElement().asString().contains("not been written up");
    }

    @Test
    @DisplayName("has no revision 0")
    void noRevisionZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PrivacyPolicy(0));
    }
}
