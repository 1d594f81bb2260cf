package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JitCpuTest {

    @Test
    @DisplayName("user and system ticks are fields 14 and 15 of a stat line, counted after the command however odd its name")
    void ticksOfStatLine() {
        // A real line of /proc/<pid>/task/<tid>/stat (a C2 compiler thread), then the same with ") (" in the name.
        String line = "3191 (C2 CompilerThre) S 3171 3171 2968 34816 3171 1077936192 4157 0 2 0 1234 56 0 0 20 0 48 0"
                + " 1848001 6017171456 52313 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 -1 1 0 0 0 0 0";
        String odd = line.replace("(C2 CompilerThre)", "(a) (b c)");

        assertThat(JitCpu.ticks(line)).isEqualTo(1290);
        assertThat(JitCpu.ticks(odd)).isEqualTo(1290);
    }

    @Test
    @DisplayName("compiler threads are told by the 15-character names Linux keeps")
    void compilerNames() {
        assertThat(JitCpu.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(JitCpu.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(JitCpu.isCompiler("qtp1234-56")).isFalse();
        assertThat(JitCpu.isCompiler("VM Thread")).isFalse();
    }

    @Test
    @DisplayName("on Linux this JVM's compiler threads have used CPU by the time a test runs; elsewhere it is unknown")
    void thisJvm() {
        long nanos = JitCpu.nanos();

        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(nanos).isPositive();
        } else {
            assertThat(nanos).isEqualTo(-1);
        }
    }
}
