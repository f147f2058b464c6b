package dev.tsuzuku.pipeline;

/**
 * One named step of a stage that is made of steps (produce: sheets, voices, retime, shots …).
 * A step reads what earlier steps left in the shared context {@code C} and adds its own result;
 * the {@link Steps} list runs them in order and reports progress, so a step only advances its
 * task when it has units of work (frames, lines) to count.
 */
public interface Step<C> {

    /** The step's name: the progress label, and how later code finds its place in the list. */
    String name();

    /** How many units of progress this step will report for this context (1 unless it counts frames or lines). */
    default long units(C context) {
        return 1;
    }

    void run(C context, Progress.Task task) throws Exception;
}
