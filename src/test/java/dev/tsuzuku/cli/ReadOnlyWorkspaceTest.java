package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A workspace tsuzuku may not write: the CLI names the folder and the fix instead of an SQL error,
 * and doctor says so. Root ignores file modes, so as root the CLI runs in a second process without
 * the capabilities that let root write anywhere (setpriv), which is what a normal user meets.
 */
class ReadOnlyWorkspaceTest {
    @TempDir
    Path dir;

    record Ran(int exitCode, String output) {}

    @AfterEach
    void writableAgainForCleanup() throws IOException {
        chmod(dir, true);
    }

    @Test
    void a_read_only_folder_without_state_yet_is_bad_input_naming_the_folder_and_the_fix() throws Exception {
        Files.writeString(dir.resolve("series.yaml"), "id: tales\n");
        chmod(dir, false);

        Ran r = cli(Main.class, "status", dir.toString());

        assertThat(r.exitCode()).as(r.output()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.output()).contains("error: " + dir.resolve(".tsuzuku") + ": tsuzuku cannot write its state database here"
                + " (permission denied); every command records its work in this folder\n"
                + "    fix: make the workspace writable (chmod -R u+w " + dir + ", or ask its owner), or copy it to a folder you can write");
        assertThat(r.output()).doesNotContain("SQL", "Exception", "\tat ");
    }

    @Test
    void a_read_only_workspace_with_its_database_is_bad_input_and_doctor_fails_it() throws Exception {
        Files.writeString(dir.resolve("series.yaml"), "id: tales\n");
        Database.open(new Workspace(dir)).close();
        chmod(dir, false);

        Ran write = cli(Main.class, "write", dir.toString());
        assertThat(write.exitCode()).as(write.output()).isEqualTo(Main.BAD_INPUT);
        assertThat(write.output()).contains(dir.resolve(".tsuzuku") + ": tsuzuku cannot write its state database here (permission denied)",
                "fix: make the workspace writable (chmod -R u+w " + dir);

        Ran doctor = cli(FakeToolsDoctor.class, dir.toString());
        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(Main.FAILURE);
        assertThat(doctor.output()).contains("missing  state db   " + dir.resolve(".tsuzuku") + ": tsuzuku cannot write its state database here",
                "fix: make the workspace writable (chmod -R u+w " + dir).endsWith("1 essential check failed\n");
    }

    /** {@code tsuzuku doctor} with the machine described by hand, so only the state database is real. */
    static final class FakeToolsDoctor {
        public static void main(String[] args) {
            CommandLine doctor = new CommandLine(new DoctorCommand(new DoctorCommandTest.FakeTools()));
            doctor.setExecutionExceptionHandler(Main.commandLine().getExecutionExceptionHandler());
            System.exit(doctor.execute(args));
        }
    }

    private static void chmod(Path root, boolean writable) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.toList();
        }
        for (Path p : all) {
            if (!p.toFile().setWritable(writable, false)) {
                throw new IOException("cannot change the mode of " + p);
            }
        }
    }

    /** Runs a main class in a second JVM as a user who is subject to file modes. */
    private static Ran cli(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            Assumptions.assumeTrue(Files.isExecutable(setpriv), "running as root needs setpriv (util-linux) to drop the override");
            command.addAll(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search,-fowner"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), output);
    }
}
