package dev.tsuzuku.model;

import java.util.List;
import java.util.stream.Collectors;

/** The user's input is wrong (exit code 2). Carries every problem found, not just the first. */
public class BadInputException extends TsuzukuException {
    private final List<Problem> problems;

    public BadInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public BadInputException(Problem problem) {
        this(List.of(problem));
    }

    public BadInputException(String file, String message, String fix) {
        this(Problem.of(file, message, fix));
    }

    public List<Problem> problems() {
        return problems;
    }
}
