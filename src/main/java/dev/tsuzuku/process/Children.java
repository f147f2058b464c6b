package dev.tsuzuku.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Makes child processes die with this JVM, however it ends.
 *
 * <ul>
 *   <li><b>kill -9, a crash, the OOM killer</b>: no Java code runs, so the kernel must do it. On
 *       Linux every child is launched as {@code setpriv --pdeathsig KILL -- program …}: setpriv
 *       (util-linux) asks the kernel to send SIGKILL to the child when its parent dies, then execs
 *       the program in the same process. The kernel ties that signal to the parent <em>thread</em>
 *       that forked the child, so every child is forked by one long-lived launcher thread here, never
 *       by a worker thread that may end while its ffmpeg is still wanted.</li>
 *   <li><b>a normal exit, Ctrl-C, SIGTERM</b>: a shutdown hook kills every child still running
 *       (and its own children) — this also covers systems without setpriv.</li>
 * </ul>
 *
 * <p>Where setpriv is missing (macOS, a minimal container) only the shutdown hook remains; a
 * kill -9 can then leave an orphan, which is why temporary files are also owned by one run
 * ({@link RunFiles}) and verified before they replace anything.
 */
final class Children {
    private static final Children SYSTEM = new Children(detectSetpriv());

    private final Optional<Path> setpriv;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    /** The one thread that forks: it lives as long as the JVM, so PDEATHSIG fires only when the JVM dies. */
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "process-launcher");
        t.setDaemon(true);
        return t;
    });

    Children(Optional<Path> setpriv) {
        this.setpriv = setpriv;
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "process-reaper"));
    }

    static Children system() {
        return SYSTEM;
    }

    /** Whether a kill -9 of this JVM also kills its children (setpriv was found and works). */
    boolean dieWithParent() {
        return setpriv.isPresent();
    }

    /** The command line that actually starts {@code command}: wrapped in setpriv where available. */
    List<String> wrap(List<String> command) {
        if (setpriv.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv.get().toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Starts {@code builder} on the launcher thread and tracks the process until {@link #forget}. */
    Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = launcher.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    Process p = started.get();
                    live.add(p);
                    return p;
                } catch (InterruptedException e) {
                    // the fork is already under way: wait for it, so no child escapes untracked
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void forget(Process p) {
        live.remove(p);
    }

    /** Kills {@code p} and everything it started, at once. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private void killAll() {
        live.forEach(Children::kill);
    }

    /** setpriv with --pdeathsig, checked by running it once; empty off Linux or when it does not work. */
    private static Optional<Path> detectSetpriv() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path exe = Path.of(dir, "setpriv");
            if (Files.isRegularFile(exe) && Files.isExecutable(exe) && works(exe)) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    private static boolean works(Path setpriv) {
        try {
            Process p = new ProcessBuilder(setpriv.toString(), "--pdeathsig", "KILL", "--", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
