package dev.tsuzuku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {

    /** A step that appends its name to the context and reports {@code units} units. */
    private record Named(String name, long units) implements Step<List<String>> {
        @Override
        public long units(List<String> context) {
            return units;
        }

        @Override
        public void run(List<String> context, Progress.Task task) {
            context.add(name);
            task.advance(units);
        }
    }

    @Test
    void steps_run_in_order_each_as_one_progress_task_of_its_units() throws Exception {
        List<String> progress = new ArrayList<>();
        Progress recording = new Progress() {
            public Task start(String label, long total) {
                progress.add("start " + label + " of " + total);
                return new Task() {
                    public void advance(long units) {
                        progress.add(label + " +" + units);
                    }

                    public void close() {
                        progress.add("end " + label);
                    }
                };
            }

            public void note(String message) {}
        };
        List<String> ran = new ArrayList<>();

        Steps.of(new Named("voices", 3), new Named("cut", 1)).run(ran, recording);

        assertThat(ran).containsExactly("voices", "cut");
        assertThat(progress).containsExactly("start voices of 3", "voices +3", "end voices", "start cut of 1", "cut +1", "end cut");
    }

    @Test
    void a_new_capability_is_one_more_entry_in_the_list() throws Exception {
        Steps<List<String>> produce = Steps.of(new Named("shots", 1), new Named("cut", 1), new Named("manifest", 1));

        Steps<List<String>> more = produce.insertAfter("cut", new Named("package-hls", 1)).append(new Named("release", 1));

        assertThat(more.names()).containsExactly("shots", "cut", "package-hls", "manifest", "release");
        assertThat(produce.names()).as("a list is a value").containsExactly("shots", "cut", "manifest");
        List<String> ran = new ArrayList<>();
        more.run(ran, Progress.silent());
        assertThat(ran).isEqualTo(more.names());
    }

    @Test
    void names_are_unique_and_an_unknown_anchor_is_an_error() {
        Steps<List<String>> one = Steps.of(new Named("cut", 1));
        assertThatThrownBy(() -> one.append(new Named("cut", 1))).hasMessageContaining("two steps are named 'cut'");
        assertThatThrownBy(() -> one.insertAfter("mux", new Named("hls", 1))).hasMessageContaining("no step named 'mux'");
    }
}
