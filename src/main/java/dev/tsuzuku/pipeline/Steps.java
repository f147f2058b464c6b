package dev.tsuzuku.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered, named list of {@link Step}s over one context: the shape of a stage that has steps.
 * It is a value: {@link #append} and {@link #insertAfter} return a new list, so a later
 * capability (generate takes, package HLS, release) is one more entry, not a new stage.
 */
public final class Steps<C> {
    private final List<Step<C>> steps;

    private Steps(List<Step<C>> steps) {
        Set<String> names = new HashSet<>();
        for (Step<C> s : steps) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two steps are named '" + s.name() + "'");
            }
        }
        this.steps = List.copyOf(steps);
    }

    @SafeVarargs
    public static <C> Steps<C> of(Step<C>... steps) {
        return new Steps<>(List.of(steps));
    }

    public List<Step<C>> steps() {
        return steps;
    }

    public List<String> names() {
        return steps.stream().map(Step::name).toList();
    }

    /** This list with {@code step} at the end. */
    public Steps<C> append(Step<C> step) {
        List<Step<C>> more = new ArrayList<>(steps);
        more.add(step);
        return new Steps<>(more);
    }

    /** This list with {@code step} right after the step named {@code name}. */
    public Steps<C> insertAfter(String name, Step<C> step) {
        int at = names().indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("no step named '" + name + "' in " + names());
        }
        List<Step<C>> more = new ArrayList<>(steps);
        more.add(at + 1, step);
        return new Steps<>(more);
    }

    /** Runs every step in order, each as one progress task under its name. */
    public void run(C context, Progress progress) throws Exception {
        for (Step<C> step : steps) {
            try (Progress.Task task = progress.start(step.name(), step.units(context))) {
                step.run(context, task);
            }
        }
    }
}
