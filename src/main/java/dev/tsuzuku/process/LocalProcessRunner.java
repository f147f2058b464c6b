package dev.tsuzuku.process;

import dev.tsuzuku.model.TsuzukuException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real {@link ProcessRunner}: {@link ProcessBuilder} processes whose children die with the
 * JVM ({@link Children}). stdout and stderr are drained on their own threads, so a chatty
 * program never blocks on a full pipe; a deadline kills the program and its children.
 */
final class LocalProcessRunner implements ProcessRunner {
    private static final LocalProcessRunner SHARED = new LocalProcessRunner(Children.system());

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "process-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Children children;

    LocalProcessRunner(Children children) {
        this.children = children;
    }

    static LocalProcessRunner shared() {
        return SHARED;
    }

    @Override
    public Result run(Request request) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(request.environment());
        Path exe = executable(request.program(), env);
        List<String> command = new java.util.ArrayList<>(request.command());
        command.set(0, exe.toString());
        ProcessBuilder builder = new ProcessBuilder(children.wrap(command));
        builder.environment().putAll(request.environment());
        Process p;
        try {
            p = children.start(builder);
        } catch (IOException e) {
            throw new ProcessStartException(request.program(), e.getMessage(), e);
        }
        try {
            return finish(request, p);
        } finally {
            children.forget(p);
        }
    }

    private Result finish(Request request, Process p) {
        Drain stdout = new Drain(p.getInputStream(), Integer.MAX_VALUE, "process-stdout");
        Drain stderr = new Drain(p.getErrorStream(), STDERR_KEPT, "process-stderr");
        stdout.start();
        stderr.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        Optional<ScheduledFuture<?>> deadline = request.timeout().map(limit -> DEADLINES.schedule(() -> {
            timedOut.set(true);
            Children.kill(p);
        }, limit.toNanos(), TimeUnit.NANOSECONDS));
        try {
            String stdinError = "";
            try (OutputStream in = p.getOutputStream()) {
                request.stdin().writeTo(in);
            } catch (IOException e) {
                // Usually a broken pipe: the program exited early; its exit code and stderr tell why.
                stdinError = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (RuntimeException | Error e) {
                Children.kill(p);
                waitQuietly(p);
                throw e;
            }
            int exit = p.waitFor();
            stdout.join();
            stderr.join();
            if (timedOut.get()) {
                throw new TsuzukuException(request.program() + " did not finish within "
                        + seconds(request.timeout().orElseThrow()) + " s and was stopped", null, true);
            }
            String err = stderr.text();
            if (children.dieWithParent() && (exit == 126 || exit == 127) && err.startsWith("setpriv: failed to execute")) {
                throw new ProcessStartException(request.program(), err.strip(), null);
            }
            return new Result(exit, stdout.text(), err, stdinError);
        } catch (InterruptedException e) {
            Children.kill(p);
            Thread.currentThread().interrupt();
            throw new TsuzukuException(request.program() + " was interrupted", e, true);
        } finally {
            deadline.ifPresent(d -> d.cancel(false));
        }
    }

    /**
     * The file that would run: a path is checked as given, a bare name is looked up on the
     * child's PATH. Checked here so that a missing program is a clear start failure even when
     * setpriv is the process that actually starts.
     */
    static Path executable(String program, Map<String, String> env) {
        try {
            if (program.contains(File.separator)) {
                Path p = Path.of(program);
                if (!Files.isRegularFile(p)) {
                    throw new ProcessStartException(program, "no such file", null);
                }
                if (!Files.isExecutable(p)) {
                    throw new ProcessStartException(program, "the file is not executable", null);
                }
                return p;
            }
            String path = env.getOrDefault("PATH", "");
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        } catch (InvalidPathException e) {
            throw new ProcessStartException(program, "not a valid path", e);
        }
        throw new ProcessStartException(program, "not found on PATH", null);
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toMillis() / 1000.0);
    }

    private static void waitQuietly(Process p) {
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a process stream to its end, keeping all of it or only its last {@code keep} bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final int keep;
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream in, int keep, String name) {
            super(name);
            this.in = in;
            this.keep = keep;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    kept.write(buf, 0, n);
                    if (kept.size() > 2L * keep) {
                        byte[] all = kept.toByteArray();
                        kept = new ByteArrayOutputStream();
                        kept.write(all, all.length - keep, keep);
                    }
                }
            } catch (IOException e) {
                // the process was killed mid-write: what arrived so far is what it said
            }
        }

        String text() {
            byte[] all = kept.toByteArray();
            int from = Math.max(0, all.length - keep);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }
}
