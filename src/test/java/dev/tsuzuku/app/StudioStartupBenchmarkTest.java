package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command pays before it does anything: {@code Studio.open} + {@code close} in a fresh
 * JVM, on a workspace whose database already exists. Run with {@code -Dgroups=benchmark}.
 */
@Tag("benchmark")
class StudioStartupBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void opening_and_closing_an_existing_workspace_takes_under_one_and_a_half_seconds() throws Exception {
        run("first open (creates the database)");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, run("open"));
        }
        assertThat(best).as("best Studio.open + close in ms").isLessThan(1500);
    }

    private long run(String label) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OpenAndClose.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(label + ": " + out);
        return Long.parseLong(out.replaceAll("^wall (\\d+) ms.*", "$1"));
    }

    /** Opens and closes the studio once and prints the wall and CPU time it took. */
    static final class OpenAndClose {
        public static void main(String[] args) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Studio.open(new Workspace(Path.of(args[0])), Clock.systemUTC(), Progress.silent()).close();
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            System.out.println("wall " + wall + " ms, cpu " + cpu + " ms");
        }
    }
}
