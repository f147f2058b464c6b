package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Writer} promises, run against each implementation by extending this class:
 * a short name, and a script for the planned episode that passes {@link ScriptRules}.
 */
abstract class WriterContract {
    /** The writer under test, fresh for each test. */
    protected abstract Writer writer();

    /** The episode to write; override when a writer needs more of the source than this. */
    protected WriteRequest request() {
        String text = "Long, long ago, in a village by the sea, there lived a young fisherman called "
                + "Urashima Taro.\n\n\"Whatever you do, never open this box,\" said the Princess.";
        Source source = new Source("urashima.txt", text, List.<Chapter>of());
        return new WriteRequest(aBible().build(), source, new Season("urashima", List.of()),
                aPlan().span(new SourceSpan(0, text.length())).build());
    }

    @Test
    void a_writer_has_a_short_name_for_messages() {
        assertThat(writer().name()).isNotBlank().hasSizeLessThan(60);
    }

    @Test
    void the_script_it_writes_passes_the_script_rules() {
        WriteRequest request = request();

        Script script = writer().write(request);

        assertThat(ScriptRules.check(script, request.bible(), request.episode())).isEmpty();
        assertThat(script.episode()).isEqualTo(request.episode().number());
    }
}
