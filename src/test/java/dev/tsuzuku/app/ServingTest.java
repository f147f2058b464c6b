package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.serve.Library;
import dev.tsuzuku.serve.SelectorThreads;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tsuzuku serve} over a real workspace: what the state database says is released is what viewers see. */
class ServingTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Workspace workspace(String id, int episodes) throws Exception {
        Workspace ws = new Workspace(dir.resolve(id));
        Files.createDirectories(ws.root());
        Files.writeString(ws.bible(), BibleFile.render(BibleFile.draft(id, "Tales of " + id, "en",
                List.of(new Character("Taro", List.of(), Character.Role.LEAD, null, null)))));
        List<EpisodePlan> plans = new java.util.ArrayList<>();
        for (int n = 1; n <= episodes; n++) {
            plans.add(new EpisodePlan(n, "Part " + n, "s", 150, new SourceSpan(0, 10), List.of("b"), "c",
                    new Hook("What?", HookKind.QUESTION), "", new CutScore(0.8, 0.1, 0.7, List.of())));
            Path ep = Files.createDirectories(ws.episodeDir(n));
            Files.writeString(ep.resolve("episode.mp4"), "video of " + id + " " + n);
            Files.writeString(ep.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nline " + n + "\n");
        }
        try (Studio studio = Studio.open(ws, StudioTest.CLOCK, Progress.silent(), null)) {
            studio.runner().run("plan", "season", "h", false, () -> {
                Json.writeFile(ws.seasonJson(), new Season(id, plans));
                return List.of(ws.seasonJson());
            });
            var repo = studio.episodes().repository();
            repo.saveEpisode(id, 1, "Part 1", EpisodeStatus.RELEASED);
            if (episodes > 1) {
                repo.saveEpisode(id, 2, "Part 2", EpisodeStatus.APPROVED);
            }
        }
        return ws;
    }

    private HttpResponse<String> get(Serving s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void viewers_see_the_released_episodes_of_every_served_series_and_nothing_else() throws Exception {
        Workspace tales = workspace("tales", 2);
        Workspace moon = workspace("moon", 1);
        try (Serving serving = Serving.start(List.of(tales.root(), moon.root()), null, "127.0.0.1", 0)) {
            assertThat(serving.startupLines()).contains("player: " + serving.baseUrl() + "/watch/");
            JsonNode catalogue = Json.mapper().readTree(get(serving, "/api/catalogue").body());
            assertThat(catalogue.path("series")).extracting(s -> s.path("id").asText()).containsExactly("tales", "moon");
            JsonNode episodes = catalogue.path("series").path(0).path("episodes");
            assertThat(episodes).extracting(e -> e.path("number").asInt()).containsExactly(1);
            // the countdown comes from the series' release calendar (decision 0025): the next drop after now
            assertThat(java.time.Instant.parse(catalogue.path("series").path(0).path("nextDrop").asText())).isAfter(java.time.Instant.EPOCH);

            String mp4 = episodes.path(0).path("mp4").asText();
            assertThat(get(serving, mp4).body()).isEqualTo("video of tales 1");
            // episode 2 is approved, not released: its files exist but no URL reaches them
            assertThat(get(serving, mp4.replace("/tales/1/", "/tales/2/")).statusCode()).isEqualTo(404);
            assertThat(get(serving, mp4.replace("/tales/1/", "/tales/2/").replace("episode.mp4", "episode.vtt")).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void the_library_offers_produces_recorded_hash_only_for_an_unchanged_file() throws Exception {
        Workspace tales = workspace("tales", 1);
        Path mp4 = tales.episodeDir(1).resolve("episode.mp4").toAbsolutePath().normalize();
        long size = Files.size(mp4);
        String recorded = "ab".repeat(32);
        Instant before = StudioTest.CLOCK.instant().minusSeconds(60);
        try (Studio studio = Studio.open(tales, StudioTest.CLOCK, Progress.silent(), null)) {
            studio.episodes().repository().saveArtifact("tales", "episodes/001/episode.mp4", 1, "video", recorded, size, "produce");
            Serving.TrackedLibrary library = new Serving.TrackedLibrary(List.of(studio), StudioTest.CLOCK);
            assertThat(library.recordedHash(mp4, size, before)).contains(recorded);
            assertThat(library.recordedHash(mp4, size + 1, before)).as("another size").isEmpty();
            assertThat(library.recordedHash(mp4, size, StudioTest.CLOCK.instant().plusSeconds(60))).as("changed after it was recorded").isEmpty();
            assertThat(library.recordedHash(tales.episodeDir(1).resolve("episode.vtt").toAbsolutePath(), 10, before)).as("not recorded").isEmpty();

            // the edition tag is made from the recorded hash: the MP4 is not read
            Files.setLastModifiedTime(mp4, java.nio.file.attribute.FileTime.from(before));
            dev.tsuzuku.serve.Editions editions = new dev.tsuzuku.serve.Editions(StudioTest.CLOCK, library::recordedHash);
            Files.writeString(mp4, "another video 16"); // same size and an old time: the recorded hash stands
            Files.setLastModifiedTime(mp4, java.nio.file.attribute.FileTime.from(before));
            String fromRecord = editions.tag(mp4.getParent());
            assertThat(fromRecord).isNotEqualTo(new dev.tsuzuku.serve.Editions(StudioTest.CLOCK).tag(mp4.getParent()));
        }
    }

    @Test
    void on_a_selector_the_library_answers_from_its_last_snapshot_and_reads_the_database_elsewhere() throws Exception {
        Workspace tales = workspace("tales", 2);
        dev.tsuzuku.release.SettableClock clock = new dev.tsuzuku.release.SettableClock(StudioTest.CLOCK.instant());
        try (Studio studio = Studio.open(tales, clock, Progress.silent(), null)) {
            Serving.TrackedLibrary library = new Serving.TrackedLibrary(List.of(studio), clock);
            assertThat(library.released("tales")).extracting(Library.Episode::number).containsExactly(1);
            studio.episodes().repository().saveEpisode("tales", 2, "Part 2", EpisodeStatus.RELEASED);
            clock.advance(java.time.Duration.ofSeconds(2));
            SelectorThreads.Work<List<Integer>> released = () -> library.released("tales").stream().map(Library.Episode::number).toList();
            assertThat(SelectorThreads.answering(released)).as("a selector does not wait for the query").containsExactly(1);
            List<Integer> seen = List.of();
            for (int i = 0; i < 250 && seen.size() < 2; i++) {
                Thread.sleep(20);
                seen = SelectorThreads.answering(released);
            }
            assertThat(seen).as("the query ran on another thread").containsExactly(1, 2);
        }
    }

    @Test
    void a_folder_that_is_not_a_workspace_and_a_shared_database_for_several_are_bad_input() throws Exception {
        assertThatThrownBy(() -> Serving.start(List.of(dir), null, "127.0.0.1", 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("series.yaml");
        assertThatThrownBy(() -> Serving.start(List.of(dir, dir), "postgresql://localhost/x", "127.0.0.1", 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("one series");
    }
}
