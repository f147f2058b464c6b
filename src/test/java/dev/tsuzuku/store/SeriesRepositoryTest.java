package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesRepositoryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static Bible bible(String title) {
        return BibleFile.draft("tales", title, "en", List.of(new Character("Taro", List.of(), Character.Role.LEAD, null, null)));
    }

    @Test
    void saving_a_series_twice_updates_it_and_episodes_keep_their_latest_status() {
        try (Database db = Database.open(new Workspace(dir))) {
            SeriesRepository repo = new SeriesRepository(db, CLOCK);
            repo.saveSeries(bible("Tales"));
            repo.saveSeries(bible("Japanese Fairy Tales"));
            repo.saveEpisode("tales", 2, "The Jelly Fish", EpisodeStatus.PLANNED);
            repo.saveEpisode("tales", 1, "The Turtle", EpisodeStatus.PLANNED);
            repo.saveEpisode("tales", 1, "The Turtle", EpisodeStatus.WRITTEN);

            assertThat(repo.series("tales")).hasValue(
                    new SeriesRepository.StoredSeries("tales", "Japanese Fairy Tales", "en", CLOCK.instant()));
            assertThat(repo.series("other")).isEmpty();
            assertThat(repo.episodes("tales")).containsExactly(
                    new SeriesRepository.StoredEpisode("tales", 1, "The Turtle", EpisodeStatus.WRITTEN, CLOCK.instant()),
                    new SeriesRepository.StoredEpisode("tales", 2, "The Jelly Fish", EpisodeStatus.PLANNED, CLOCK.instant()));
        }
    }
}
