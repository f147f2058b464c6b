package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "board", mixinStandardHelpOptions = true, description = "Not yet built.")
final class BoardCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'board' is not built yet");
    }
}
