package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Crumb's response wrapper")
class CrumbResponseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"print(char)", "write(int)", "append(char)", "print(String)", "write(char[])", "printf"})
    @DisplayName("runs the before-commit hook once, before the first character of the body, whichever method writes it")
    void hookBeforeFirstCharacter(String method) throws Exception {
        StringWriter body = new StringWriter();
        HttpServletResponse wrapped = mock(HttpServletResponse.class);
        when(wrapped.getWriter()).thenReturn(new PrintWriter(body));
        AtomicInteger hooks = new AtomicInteger();
        StringBuilder bodyAtHook = new StringBuilder();
        CrumbResponse response = new CrumbResponse(wrapped, () -> {
            hooks.incrementAndGet();
            bodyAtHook.append(body);
        });

        PrintWriter out = response.getWriter();
        Consumer<PrintWriter> write = switch (method) {
            case "print(char)" -> w -> w.print('x');
            case "write(int)" -> w -> w.write('x');
            case "append(char)" -> w -> w.append('x');
            case "print(String)" -> w -> w.print("x");
            case "write(char[])" -> w -> w.write(new char[] {'x'});
            default -> w -> w.printf("%s", "x");
        };
        write.accept(out);
        write.accept(out);
        out.flush();

        assertThat(hooks).hasValue(1);
        assertThat(bodyAtHook).isEmpty();
        assertThat(body).hasToString("xx");
    }
}
