package dev.tsuzuku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Not yet built.")
final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.tsuzuku.model.TsuzukuException("'doctor' is not built yet");
    }
}
