package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "new", mixinStandardHelpOptions = true, description = "Not yet built.")
final class NewCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'new' is not built yet");
    }
}
