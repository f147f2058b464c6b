package dev.tsuzuku.process;

import dev.tsuzuku.model.TsuzukuException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProcessRunner} whose programs are written in Java: tests name a program and say what
 * it does with its arguments, environment and stdin. It records every request, so a test can
 * check an exact argument list without starting a process. Passes {@link ProcessRunnerContract}.
 */
public final class FakeProcessRunner implements ProcessRunner {

    /** What a fake program printed and how it exited. */
    public record Exit(int code, String stdout, String stderr) {
        public static Exit ok() {
            return new Exit(0, "", "");
        }
    }

    /** A fake program: {@code command} is the whole argument list, the program name first. */
    @FunctionalInterface
    public interface Program {
        Exit run(List<String> command, Map<String, String> environment, byte[] stdin);
    }

    private record Installed(Program program, Duration takes) {}

    private final Map<String, Installed> programs = new HashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Installs {@code program} under {@code name} (what a request's first element must be). */
    public FakeProcessRunner program(String name, Program program) {
        return program(name, Duration.ZERO, program);
    }

    /** Installs a program that needs {@code takes} to run: a shorter deadline stops it. */
    public FakeProcessRunner program(String name, Duration takes, Program program) {
        programs.put(name, new Installed(program, takes));
        return this;
    }

    @Override
    public Result run(Request request) {
        requests.add(request);
        Installed p = programs.get(request.program());
        if (p == null) {
            throw new ProcessStartException(request.program(),
                    request.program().contains("/") ? "no such file" : "not found on PATH", null);
        }
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        String stdinError = "";
        try (stdin) {
            request.stdin().writeTo(stdin);
        } catch (IOException e) {
            stdinError = String.valueOf(e.getMessage());
        }
        if (request.timeout().isPresent() && p.takes().compareTo(request.timeout().get()) > 0) {
            throw new TsuzukuException(request.program() + " did not finish within "
                    + request.timeout().get().toMillis() / 1000.0 + " s and was stopped", null, true);
        }
        Exit exit = p.program().run(request.command(), request.environment(), stdin.toByteArray());
        String err = exit.stderr();
        return new Result(exit.code(), exit.stdout(), err.substring(Math.max(0, err.length() - STDERR_KEPT)), stdinError);
    }
}
