package dev.crumb.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Html;
import dev.crumb.demo.web.FormControls.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Form controls")
class FormControlsTest {

    private static final Field EMAIL = Field.required("email", "Email", "email", "email");

    @Test
    @DisplayName("an input has a label for it and its value escaped")
    void labelledAndEscaped() {
        Html input = FormControls.input(EMAIL, "\"><img src=x>", new FormProblems());

        assertThat(input.toString())
                .contains("<label for=\"email\">Email</label>")
                .contains("id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\"")
                .contains("value=\"&quot;&gt;&lt;img src=x&gt;\"")
                .doesNotContain("aria-invalid");
    }

    @Test
    @DisplayName("a problem is shown at its field, linked by aria-describedby, and listed in the summary")
    void problemShownAndLinked() {
        FormProblems problems = new FormProblems().email("email", "nope");

        assertThat(FormControls.input(EMAIL, "nope", problems).toString())
                .contains("<p class=\"problem\" id=\"email-problem\">Enter an email address like name@example.com.</p>")
                .contains("aria-describedby=\"email-problem\" aria-invalid=\"true\"");
        assertThat(FormControls.problemSummary(problems).toString())
                .contains("role=\"alert\"").contains("<a href=\"#email\">");
    }

    @Test
    @DisplayName("no problems, no summary")
    void noSummary() {
        assertThat(FormControls.problemSummary(new FormProblems()).isEmpty()).isTrue();
    }
}
