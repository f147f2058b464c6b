package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.DropCalendar;
import dev.tsuzuku.ingest.SourceFolder;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.pipeline.StageRunner.Outcome;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.story.WriteRequest;
import dev.tsuzuku.story.WriteStage;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** plan, write and board, as the verbs ask for them: each builds its stage's jobs and hands them to the runner. */
public final class WritersRoom {
    private final Studio studio;

    WritersRoom(Studio studio) {
        this.studio = studio;
    }

    Workspace workspace() {
        return studio.workspace();
    }

    StageRunner runner() {
        return studio.runner();
    }

    /** What {@code plan} did: the season on disk, whether it was made now, and its files. */
    public record Planned(boolean ran, Season season, List<String> files) {}

    /** Plans the season ({@code episodes}: an exact count, or empty to let the text decide). */
    public Planned plan(OptionalInt episodes, boolean force) {
        if (episodes.isPresent() && (episodes.getAsInt() < 1 || episodes.getAsInt() > 1000)) {
            throw new BadInputException("--episodes", "must be between 1 and 1000, was " + episodes.getAsInt(),
                    "leave it out to let the text decide");
        }
        Workspace ws = workspace();
        Bible bible = BibleFile.load(ws.bible());
        Source source = SourceFolder.read(ws);
        Outcome outcome = runner().run(studio.planStage().job(bible, source, episodes), force);
        return new Planned(outcome == Outcome.RAN, SeasonFiles.read(ws),
                List.of(ws.relative(ws.seasonJson()), ws.relative(ws.seasonMarkdown())));
    }

    /**
     * What {@code write} did: scripts written now and up to date, in which folder; {@code writer} is
     * the writer the bible asks for, {@code credits} who actually wrote how many (an LLM writer that
     * failed over hands episodes to the offline one).
     */
    public record Written(int written, int upToDate, String writer, Map<String, Integer> credits, String folder) {}

    /** Writes the scripts of the episodes {@code which} ("all" or a number) names. */
    public Written write(String which, boolean force) {
        Workspace ws = workspace();
        Bible bible = BibleFile.load(ws.bible());
        Season season = SeasonFiles.read(ws);
        List<EpisodePlan> selected = EpisodeChoice.pick(which, season, ws, e -> true, "planned",
                "plan the season first: tsuzuku plan " + ws.root());
        Source source = SourceFolder.read(ws);
        Writer writer = studio.writer(bible);
        WriteStage stage = studio.writeStage(writer);
        List<Job> jobs = selected.stream().map(e -> stage.job(new WriteRequest(bible, source, season, e))).toList();
        List<Outcome> outcomes = runner().runEach("write", jobs, force);
        Map<String, Integer> credits = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            if (outcomes.get(i) == Outcome.RAN) {
                credits.merge(writer.credit(selected.get(i).number()), 1, Integer::sum);
            }
        }
        int written = credits.values().stream().mapToInt(Integer::intValue).sum();
        return new Written(written, outcomes.size() - written, writer.name(), credits, ws.relative(ws.episodesDir()));
    }

    /** One boarded episode: made now or up to date; the storyboard's shape for the summary line. */
    public record Boarded(String folder, boolean ran, String file, int shots, double seconds, String mood) {}

    /** Boards the written episodes {@code which} ("all" or a number) names. */
    public List<Boarded> board(String which, boolean force) {
        Workspace ws = workspace();
        Bible bible = BibleFile.load(ws.bible());
        Season season = SeasonFiles.read(ws);
        // "all" means every episode that has a script
        List<EpisodePlan> chosen = EpisodeChoice.pick(which, season, ws,
                p -> Files.isRegularFile(BoardStage.scriptFile(ws, p.number())), "has a script.json",
                "write the scripts first: tsuzuku write " + ws.root());
        List<Job> jobs = new ArrayList<>();
        for (EpisodePlan plan : chosen) {
            jobs.add(boardJob(bible, season, plan));
        }
        List<Outcome> outcomes = runner().runEach("board", jobs, force);
        List<Boarded> done = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            EpisodePlan plan = chosen.get(i);
            Path file = BoardStage.storyboardFile(ws, plan.number());
            Storyboard sb = Json.readFile(file, Storyboard.class, "tsuzuku board " + ws.root() + " --force");
            done.add(new Boarded(plan.folder(), outcomes.get(i) == Outcome.RAN, ws.relative(file), sb.shots().size(),
                    sb.totalFrames() / (double) sb.fps(), sb.mood()));
        }
        return done;
    }

    /** The board job of one episode, for {@code board} and for {@code produce} alike (one path). */
    Job boardJob(Bible bible, EpisodePlan plan) {
        return boardJob(bible, SeasonFiles.read(workspace()), plan);
    }

    private Job boardJob(Bible bible, Season season, EpisodePlan plan) {
        ZonedDateTime nextDrop = DropCalendar.forWorkspace(bible.schedule(), workspace(), studio.clock())
                .nextDrop(season, plan.number());
        return studio.boardStage().job(bible, plan, nextDrop);
    }
}
