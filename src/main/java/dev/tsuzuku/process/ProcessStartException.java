package dev.tsuzuku.process;

import dev.tsuzuku.model.TsuzukuException;

/** A program that could not be started at all (missing, not executable): nothing ran. */
public final class ProcessStartException extends TsuzukuException {
    private final String program;

    public ProcessStartException(String program, String reason, Throwable cause) {
        super("cannot start " + program + ": " + reason, cause);
        this.program = program;
    }

    public String program() {
        return program;
    }
}
