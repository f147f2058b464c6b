package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProduceCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void a_folder_without_series_yaml_is_bad_input_that_says_how_to_make_one() {
        int exit = run("produce", dir.toString(), "--episode", "1");

        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("series.yaml").contains("not a series workspace").contains("tsuzuku new");
    }

    @Test
    void the_episode_option_is_required() {
        assertThat(run("produce", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--episode");
    }
}
