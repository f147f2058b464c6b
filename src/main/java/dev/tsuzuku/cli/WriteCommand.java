package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "write", mixinStandardHelpOptions = true, description = "Not yet built.")
final class WriteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'write' is not built yet");
    }
}
