package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Not yet built.")
final class PlanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'plan' is not built yet");
    }
}
