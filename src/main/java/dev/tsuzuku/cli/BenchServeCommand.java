package dev.tsuzuku.cli;

import dev.tsuzuku.app.ServeBench;
import dev.tsuzuku.model.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku bench serve}: the server against nginx on the same files, driven by wrk on loopback. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load-test the player's server against nginx serving the same files (wrk on loopback): catalogue req/s "
                + "and p99, MP4 and HLS segment throughput and the ratio to nginx (target >= 80%%), CPU per request on each side.")
final class BenchServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Length of each wrk run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "16",
            description = "Open connections per wrk run (a whole-MP4 run uses a quarter; default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Rounds of server, nginx, nginx, server per request kind (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Serve this produced workspace's episodes (default: an episode made with ffmpeg for the bench).")
    java.nio.file.Path workspace;

    @Option(names = "--loads", paramLabel = "N", defaultValue = "5",
            description = "Page loads headless Chromium times to the player's first frame (0: skip; default: ${DEFAULT-VALUE}).")
    int loads;

    @Override
    public Integer call() {
        if (loads < 0 || loads > 50) {
            throw new BadInputException("--loads", "expected 0–50, got " + loads, "e.g. --loads 5");
        }
        if (rounds < 1 || rounds > 20) {
            throw new BadInputException("--rounds", "expected 1–20, got " + rounds, "e.g. --rounds 2");
        }
        if (seconds < 1 || seconds > 600) {
            throw new BadInputException("--seconds", "expected 1–600, got " + seconds, "e.g. --seconds 5");
        }
        if (connections < 1 || connections > 1000) {
            throw new BadInputException("--connections", "expected 1–1000, got " + connections, "e.g. --connections 16");
        }
        PrintWriter out = spec.commandLine().getOut();
        ServeBench.run(new ServeBench.Options(seconds, connections, rounds, workspace, loads), line -> {
            out.println(line);
            out.flush();
        });
        return Main.OK;
    }
}
