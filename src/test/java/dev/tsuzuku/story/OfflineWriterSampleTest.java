package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.plan.SeasonPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfflineWriterSampleTest {

    @Test
    void every_episode_of_the_sample_book_is_written_within_the_allowed_length_with_only_cast_speaking() throws Exception {
        Source book = Ingest.read(Path.of("samples/japanese-fairy-tales.txt"));
        Bible bible = BibleDrafter.draft(book, null);
        Season season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());
        Set<String> cast = bible.cast().stream().map(Character::name).collect(Collectors.toSet());
        OfflineWriter writer = new OfflineWriter();

        for (EpisodePlan e : season.episodes()) {
            Script script = writer.write(new WriteRequest(bible, book, season, e));
            List<Line> lines = script.scenes().stream().flatMap(s -> s.lines().stream()).toList();
            assertThat(ScriptRules.check(script, bible, e)).as("episode %d", e.number()).isEmpty();
            assertThat(script.estimatedSeconds()).isBetween((double) bible.minEpisodeSeconds(), (double) bible.maxEpisodeSeconds());
            assertThat(lines).filteredOn(l -> l.kind() == LineKind.DIALOGUE).allSatisfy(l -> assertThat(cast).contains(l.speaker()));
            assertThat(lines.get(lines.size() - 1).text()).contains(e.hook().text().replaceAll("[\"\u201c\u201d]", "").trim());
        }
    }
}
