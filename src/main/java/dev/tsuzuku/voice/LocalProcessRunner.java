package dev.tsuzuku.voice;

import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs programs with {@link ProcessBuilder}; stdout is discarded, stderr is collected. */
final class LocalProcessRunner implements ProcessRunner {

    @Override
    public Result run(List<String> command, byte[] stdin, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new TsuzukuException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        // stderr is drained on its own thread so a chatty program cannot block on a full pipe.
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The program closed stdin early (it failed); its exit code and stderr tell why.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new TsuzukuException(command.get(0) + " did not finish within " + timeout.toMillis() / 1000.0 + " s",
                        null, true);
            }
            return new Result(p.exitValue(), stderr.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TsuzukuException(command.get(0) + " was interrupted", e, true);
        } catch (ExecutionException e) {
            return new Result(p.exitValue(), "");
        }
    }

    private static String drain(InputStream s) {
        try (s) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
