package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.StageRunner.Outcome;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.produce.Pictures;
import dev.tsuzuku.produce.ProduceBench;
import dev.tsuzuku.produce.ProduceStage;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** produce, as the verb asks for it: picks the episodes, builds the produce jobs and hands them to the runner. */
public final class ProductionFloor {
    private final Studio studio;
    private final WritersRoom room;

    ProductionFloor(Studio studio, WritersRoom room) {
        this.studio = studio;
        this.room = room;
    }

    /**
     * One episode: produced now ({@code reuse} says what earlier runs gave) or up to date
     * ({@code reuse} is empty); {@code video} is workspace-relative.
     */
    public record Produced(int episode, boolean ran, String video, double seconds, String reuse) {}

    /**
     * Produces the episodes {@code which} names: a number, {@code next} (the lowest-numbered
     * written episode without a manifest; none when every written episode is produced) or
     * {@code all} (every written episode). With {@code force}, edited outputs are replaced and
     * nothing is taken from the cache; an edited storyboard.json is used either way.
     */
    public List<Produced> produce(String which, boolean force) {
        return produce(which, force, false);
    }

    /**
     * As {@link #produce(String, boolean)}; with {@code skipReview} ({@code --yes}) paid
     * generation runs for episodes nobody approved (the verb says so).
     */
    public List<Produced> produce(String which, boolean force, boolean skipReview) {
        Workspace ws = studio.workspace();
        dev.tsuzuku.routing.AiGenerator generator = studio.generator();
        if (generator != null) {
            generator.skipReview(skipReview);
            generator.series(BibleFile.load(ws.bible()).id());
        }
        List<Integer> numbers = select(which);
        if (numbers.isEmpty()) {
            return List.of();
        }
        Bible bible = BibleFile.load(ws.bible());
        Season season = SeasonFiles.read(ws);
        List<Produced> done = new ArrayList<>();
        for (int n : numbers) {
            EpisodePlan plan = season.episodes().stream().filter(e -> e.number() == n).findFirst()
                    .orElseThrow(() -> season.episodes().isEmpty()
                            ? new BadInputException(ws.relative(ws.seasonJson()), "the season has no episodes",
                                    "plan it again: tsuzuku plan " + ws.root())
                            : EpisodeChoice.notInSeason(n, season, ws));
            done.add(produce(bible, plan, force));
        }
        return done;
    }

    private Produced produce(Bible bible, EpisodePlan plan, boolean force) {
        Workspace ws = studio.workspace();
        ProduceStage.Episode episode = studio.produceStage(room).job(bible, plan, force);
        Outcome outcome = studio.runner().run(episode.job(), force);
        if (outcome == Outcome.RAN) {
            ProduceStage.Report r = episode.production().report();
            return new Produced(plan.number(), true, ws.relative(r.manifest().resolveSibling("episode.mp4")), r.seconds(), r.reuse());
        }
        Path dir = ws.episodeDir(plan.number());
        Manifest m = Json.readFile(dir.resolve("manifest.json"), Manifest.class,
                "tsuzuku produce " + ws.root() + " --episode " + plan.number() + " --force");
        return new Produced(plan.number(), false, ws.relative(dir.resolve(m.files().video())), m.durationSeconds(), "");
    }

    /** The episode numbers {@code which} names (see {@link #produce}). */
    List<Integer> select(String which) {
        Workspace ws = studio.workspace();
        List<Integer> written = writtenEpisodes();
        String w = which.strip().toLowerCase(Locale.ROOT);
        if (w.equals("next")) {
            return written.stream().filter(n -> !Files.isRegularFile(ws.episodeDir(n).resolve("manifest.json")))
                    .findFirst().map(List::of).orElse(List.of());
        }
        if (w.equals("all")) {
            if (written.isEmpty()) {
                throw new BadInputException(ws.relative(ws.episodesDir()), "no episode has a script.json yet",
                        "write one first: tsuzuku write " + ws.root() + " --episode 1");
            }
            return written;
        }
        try {
            int n = Integer.parseInt(w);
            if (n >= 1) {
                return List.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--episode", "expected an episode number, 'next' or 'all', got '" + which + "'",
                "e.g. --episode 1, --episode next, --episode all");
    }

    /** Episode numbers that have a script.json, ascending. */
    private List<Integer> writtenEpisodes() {
        List<Integer> numbers = new ArrayList<>();
        Path dir = studio.workspace().episodesDir();
        if (!Files.isDirectory(dir)) {
            return numbers;
        }
        try (var children = Files.list(dir)) {
            children.filter(p -> p.getFileName().toString().matches("\\d{3,}"))
                    .filter(p -> Files.isRegularFile(p.resolve("script.json")))
                    .forEach(p -> numbers.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException e) {
            throw new TsuzukuException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        numbers.sort(null);
        return numbers;
    }

    /** The production floor as {@code bench produce} drives it: a bible that is not on disk, the season's episode. */
    ProduceBench.Floor benchFloor() {
        return new ProduceBench.Floor() {
            @Override
            public ProduceStage.Report produce(Bible bible, int episode) {
                EpisodePlan plan = SeasonFiles.read(studio.workspace()).episodes().stream()
                        .filter(e -> e.number() == episode).findFirst().orElseThrow();
                ProduceStage.Episode e = studio.produceStage(room).job(bible, plan, false);
                studio.runner().run(e.job(), false);
                return e.production().report();
            }

            @Override
            public Pictures pictures() {
                return studio.produceKit(room).pictures();
            }

            @Override
            public MediaTool encoder() {
                return studio.media();
            }
        };
    }
}
