package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "produce", mixinStandardHelpOptions = true, description = "Not yet built.")
final class ProduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'produce' is not built yet");
    }
}
