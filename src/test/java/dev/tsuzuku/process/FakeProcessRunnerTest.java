package dev.tsuzuku.process;


import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The fake runner passes the same contract as the real one, so tests built on it mean something. */
class FakeProcessRunnerTest extends ProcessRunnerContract {
    final FakeProcessRunner fake = new FakeProcessRunner()
            .program("echo", (command, env, stdin) -> new FakeProcessRunner.Exit(Integer.parseInt(command.get(1)),
                    new String(stdin, StandardCharsets.UTF_8), "err:" + env.getOrDefault("GREETING", "")))
            .program("slow", Duration.ofSeconds(30), (command, env, stdin) -> FakeProcessRunner.Exit.ok())
            .program("noisy", (command, env, stdin) -> new FakeProcessRunner.Exit(0, "", "x".repeat(300_000) + "END"));

    @Override
    ProcessRunner runner() {
        return fake;
    }

    @Override
    List<String> echo(int code) {
        return List.of("echo", Integer.toString(code));
    }

    @Override
    List<String> slow() {
        return List.of("slow");
    }

    @Override
    List<String> noisy() {
        return List.of("noisy");
    }
}
