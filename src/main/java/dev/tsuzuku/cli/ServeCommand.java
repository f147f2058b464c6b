package dev.tsuzuku.cli;

import dev.tsuzuku.app.Serving;
import dev.tsuzuku.model.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku serve DIR...}: the player (and the parts that add routes) on one embedded server, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the released episodes of one or more series to viewers (the swipe player) and the producer's studio.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Series folders to serve.")
    List<Path> dirs;

    @Option(names = "--port", defaultValue = "8080", description = "The port to listen on (0: any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for phones on the same network).")
    String host;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port", "is " + port + ", not a port number", "give 0..65535 (0: any free port)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Serving serving = Serving.start(dirs, database.url(), host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            stopped.countDown();
        }, "tsuzuku-serve-stop"));
        serving.startupLines().forEach(out::println);
        out.println("serving until Ctrl-C");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
