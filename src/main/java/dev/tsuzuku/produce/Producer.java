package dev.tsuzuku.produce;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.render.Cover;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.render.MasterSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Probe;
import dev.tsuzuku.render.Subtitles;
import dev.tsuzuku.voice.Speech;
import dev.tsuzuku.voice.WavFile;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code tsuzuku produce}: from {@code script.json} to a finished, verified episode folder
 * (episode.mp4, .srt, .vtt, cover, thumb, manifest.json). Every expensive piece (a voice line,
 * a shot segment, the mix, the cut) is stored in the artifact cache under the hash of what made
 * it, so a re-run or a resumed crash redoes only what changed.
 */
public final class Producer {
    // Bump when the logic that makes an artifact changes, so old cache entries stop matching.
    static final int SHEETS_VERSION = 1;
    static final int VOICE_VERSION = 1;
    static final int SEGMENT_VERSION = 2; // 2: frames piped as yuv420p converted in Java (render/Yuv420)
    static final int MIX_VERSION = 1;
    static final int CUT_VERSION = 1;

    private final Workspace workspace;
    private final Clock clock;
    private final Progress progress;
    private final ProductionKit kit;
    private final MediaTool media;
    private final ArtifactCache cache;

    public ProductionKit kit() {
        return kit;
    }

    public MediaTool encoder() {
        return media;
    }

    public Producer(Workspace workspace, Clock clock, Progress progress, ProductionKit kit, MediaTool media) {
        this.workspace = workspace;
        this.clock = clock;
        this.progress = progress;
        this.kit = kit;
        this.media = media;
        this.cache = new ArtifactCache(workspace.cacheDir(), progress::note);
    }

    /** What one run did and what it could take from earlier runs; {@code board} is the timed storyboard. */
    public record Report(int episode, Path manifest, double seconds, Storyboard board,
                         int segmentsReused, int segments, int linesReused, int lines, boolean cutReused) {
        public String reuse() {
            return "reused " + segmentsReused + "/" + segments + " shot segments, "
                    + linesReused + "/" + lines + " voice lines" + (cutReused ? ", the cut" : "");
        }
    }

    /**
     * The episodes {@code --episode} names: a number, {@code next} (the lowest-numbered written
     * episode without a manifest; empty when every written episode is produced) or {@code all}
     * (every written episode).
     */
    public List<Integer> select(String which) {
        List<Integer> written = writtenEpisodes();
        String w = which.strip().toLowerCase(java.util.Locale.ROOT);
        if (w.equals("next")) {
            return written.stream().filter(n -> !Files.isRegularFile(workspace.episodeDir(n).resolve("manifest.json")))
                    .findFirst().map(List::of).orElse(List.of());
        }
        if (w.equals("all")) {
            if (written.isEmpty()) {
                throw new BadInputException(workspace.relative(workspace.episodesDir()), "no episode has a script.json yet",
                        "write one first: tsuzuku write " + workspace.root() + " --episode 1");
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
    public List<Integer> writtenEpisodes() {
        List<Integer> numbers = new ArrayList<>();
        Path dir = workspace.episodesDir();
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

    /** Produces one episode; with {@code force} nothing is taken from the cache. */
    public Report produce(int episode, boolean force) {
        return produce(BibleFile.load(workspace.bible()), episode, force);
    }

    /** Produces one episode of a bible that is already loaded (every episode of a run shares it). */
    public Report produce(Bible bible, int episode, boolean force) {
        Path dir = workspace.episodeDir(episode);
        Path scriptFile = dir.resolve("script.json");
        if (!Files.isRegularFile(scriptFile)) {
            throw new BadInputException(workspace.relative(scriptFile), "episode " + episode + " has no script yet",
                    "write it first: tsuzuku write " + workspace.root() + " --episode " + episode);
        }
        EpisodePlan plan = plan(episode);
        sweepScratch();
        Script script = Json.readFile(scriptFile, Script.class, "tsuzuku write " + workspace.root() + " --episode " + episode);

        sheets(bible, force);

        Storyboard board;
        try (var t = progress.start("board", 1)) {
            board = kit.boarding().board(bible, plan, script, force);
            t.advance(1);
        }
        Voices voices = voice(board, bible, force);
        Storyboard timed;
        try (var t = progress.start("retime", 1)) {
            timed = kit.boarding().retime(board, line -> voices.seconds(line));
            // The timed board stays in memory: storyboard.json belongs to the board stage, which
            // protects the user's edits of it; the manifest carries the final shot lengths.
            validate(timed, dir);
            t.advance(1);
        }
        Segments segments = render(timed, bible, force);
        Path mix = mix(timed, voices, force);
        Path video = dir.resolve(Manifest.standardFiles().video());
        boolean cutReused = cut(timed, segments, mix, video, force);
        sidecars(timed, bible, script, dir);
        String checksum = verify(timed, video);
        Path manifest = manifest(bible, episode, script, timed, segments, dir, checksum);

        Report r = new Report(episode, manifest, (double) timed.totalFrames() / timed.fps(), timed,
                segments.reused, segments.keys.size(), voices.reused, voices.total, cutReused);
        progress.note("episode " + episode + ": " + r.reuse());
        return r;
    }

    /**
     * A killed run leaves half-written scratch files in the cache; anything older than a day is
     * such a leftover (a live run finishes its scratch files within minutes).
     */
    private void sweepScratch() {
        Path tmp = workspace.cacheDir().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return;
        }
        long cutoff = clock.millis() - java.time.Duration.ofDays(1).toMillis();
        try (var files = Files.list(tmp)) {
            files.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() < cutoff;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(Producer::deleteQuietly);
        } catch (IOException e) {
            // sweeping is housekeeping; never fail a run for it
        }
    }

    private EpisodePlan plan(int episode) {
        Season season = SeasonFiles.read(workspace);
        return season.episodes().stream().filter(e -> e.number() == episode).findFirst()
                .orElseThrow(() -> new BadInputException(workspace.relative(workspace.seasonJson()),
                        "the season plan has no episode " + episode,
                        "re-plan with more episodes: tsuzuku plan " + workspace.root()));
    }

    private void validate(Storyboard b, Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (b.shots().isEmpty()) {
            problems.add(Problem.of(workspace.relative(dir.resolve("storyboard.json")), "the storyboard has no shots",
                    "check that script.json has scenes with lines"));
        }
        for (Shot s : b.shots()) {
            if (s.frames() <= 0) {
                problems.add(Problem.of(workspace.relative(dir.resolve("storyboard.json")),
                        "shots[" + s.index() + "].frames: expected > 0, got " + s.frames(), "re-board the episode"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    // ---- sheets -------------------------------------------------------------------------------

    private void sheets(Bible bible, boolean force) {
        String key = InputHash.of("sheets", SHEETS_VERSION).add(bible.cast()).add(bible.style())
                .add(kit.pictures().version()).hex();
        Path dir = workspace.charactersDir();
        try (var t = progress.start("sheets", 1)) {
            if (!force && cache.get(key, "done").isPresent() && Files.isDirectory(dir)) {
                return;
            }
            kit.pictures().sheets(bible, dir);
            cache.mark(key, "done", workspace.relative(dir) + "\n");
            t.advance(1);
        }
    }

    // ---- voice --------------------------------------------------------------------------------

    /** The synthesised lines of an episode, by speaker and text. */
    private static final class Voices {
        final Map<String, Path> wavs = new HashMap<>();
        final Map<String, Double> seconds = new HashMap<>();
        final Map<String, String> keys = new HashMap<>();
        int reused;
        int total;

        static String id(ShotLine l) {
            return (l.speaker() == null ? "" : l.speaker()) + "\u0000" + l.text();
        }

        double seconds(ShotLine l) {
            Double s = seconds.get(id(l));
            if (s == null) {
                throw new TsuzukuException("retime asked for the length of a line that was never spoken: " + l.text());
            }
            return s;
        }

        Optional<Path> wav(ShotLine l) {
            return Optional.ofNullable(wavs.get(id(l)));
        }
    }

    private static boolean spoken(ShotLine l) {
        return l.text() != null && !l.text().isBlank();
    }

    private Voices voice(Storyboard board, Bible bible, boolean force) {
        Voices v = new Voices();
        Map<String, ShotLine> todo = new LinkedHashMap<>();
        for (Shot s : board.shots()) {
            for (ShotLine l : s.lines()) {
                if (spoken(l)) {
                    todo.putIfAbsent(Voices.id(l), l);
                }
            }
        }
        v.total = todo.size();
        try (var t = progress.start("voice", todo.size())) {
            for (Map.Entry<String, ShotLine> e : todo.entrySet()) {
                ShotLine l = e.getValue();
                VoiceSpec spec = kit.casting().specFor(l.speaker(), bible);
                String key = InputHash.of("voice", VOICE_VERSION).add(l.text()).add(spec).add(kit.voice().name()).hex();
                Optional<Path> cached = force ? Optional.empty() : cache.get(key, "wav", "the voice line '" + l.text() + "'");
                Path wav;
                if (cached.isPresent()) {
                    wav = cached.get();
                    v.reused++;
                } else {
                    Speech speech = kit.voice().speak(l.text(), spec, cache.scratch("wav"));
                    wav = cache.put(key, "wav", speech.wav());
                }
                v.wavs.put(e.getKey(), wav);
                v.keys.put(e.getKey(), key);
                v.seconds.put(e.getKey(), WavFile.seconds(wav));
                t.advance(1);
            }
        }
        return v;
    }

    // ---- render + encode ----------------------------------------------------------------------

    private static final class Segments {
        final List<String> keys = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        int reused;
    }

    /** Shots rendered and encoded at once; two fill a 2-core machine (measured by 'tsuzuku bench produce'). */
    static final int RENDER_WORKERS = 2;

    String segmentKey(Shot shot, Storyboard board, Bible bible) {
        return InputHash.of("segment", SEGMENT_VERSION)
                .add(kit.pictures().provider())
                .add(kit.pictures().fingerprint(bible, board, shot.index()))
                .add(board.width() + "x" + board.height() + "@" + board.fps())
                .add(media.settings())
                .hex();
    }

    private Segments render(Storyboard board, Bible bible, boolean force) {
        Segments segs = new Segments();
        List<Shot> todo = new ArrayList<>();
        for (Shot s : board.shots()) {
            String key = segmentKey(s, board, bible);
            Optional<Path> cached = force ? Optional.empty() : cache.get(key, "mp4", "the segment of shot " + s.index());
            segs.keys.add(key);
            segs.files.add(cached.orElse(null));
            if (cached.isPresent()) {
                segs.reused++;
            } else {
                todo.add(s);
            }
        }
        long frames = todo.stream().mapToLong(Shot::frames).sum();
        // Two shots at a time: while one shot's renderer prepares its layers or its ffmpeg starts up,
        // the other keeps the cores busy. Each shot has its own renderer and encoder process.
        int workers = Math.max(1, Math.min(RENDER_WORKERS, todo.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "render");
            th.setDaemon(true);
            return th;
        });
        try (var t = progress.start("render", frames)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < board.shots().size(); i++) {
                if (segs.files.get(i) != null) {
                    continue;
                }
                int at = i;
                Shot s = board.shots().get(i);
                running.add(pool.submit(() -> {
                    Path tmp = cache.scratch("mp4");
                    try {
                        media.encode(kit.pictures().shot(bible, board, s.index()), board.fps(), tmp, t::advance);
                        Path done = cache.put(segs.keys.get(at), "mp4", tmp);
                        synchronized (segs) {
                            segs.files.set(at, done);
                        }
                    } finally {
                        deleteQuietly(tmp);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    running.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new TsuzukuException("rendering a shot failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TsuzukuException("interrupted while rendering", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return segs;
    }

    // ---- mix and cut --------------------------------------------------------------------------

    private Path mix(Storyboard board, Voices voices, boolean force) {
        List<Mixing.Placed> placed = new ArrayList<>();
        InputHash h = InputHash.of("mix", MIX_VERSION).add(kit.mixing().version()).add(board);
        int shotStart = 0;
        for (Shot s : board.shots()) {
            for (ShotLine l : s.lines()) {
                if (spoken(l)) {
                    Path wav = voices.wav(l).orElseThrow(() -> new TsuzukuException(
                            "the retimed storyboard has a line that was not voiced: " + l.text()));
                    placed.add(new Mixing.Placed(shotStart + l.startFrame(), wav));
                    h.add(shotStart + l.startFrame() + ":" + voices.keys.get(Voices.id(l)));
                }
            }
            shotStart += s.frames();
        }
        String key = h.hex();
        try (var t = progress.start("mix", 1)) {
            Optional<Path> cached = force ? Optional.empty() : cache.get(key, "wav", "the mix");
            if (cached.isPresent()) {
                return cached.get();
            }
            Path tmp = cache.scratch("wav");
            try {
                kit.mixing().mix(board, placed, tmp);
                t.advance(1);
                return cache.put(key, "wav", tmp);
            } finally {
                deleteQuietly(tmp);
            }
        }
    }

    /** Concat + mux; returns true when the episode file on disk already was this cut. */
    private boolean cut(Storyboard board, Segments segs, Path mix, Path video, boolean force) {
        String key = InputHash.of("cut", CUT_VERSION).add(segs.keys).add(mix.getFileName().toString())
                .add(Integer.toString(board.totalFrames())).hex();
        Path marker = cache.pathFor(key, "sha256");
        try (var t = progress.start("cut", board.totalFrames())) {
            if (!force && Files.isRegularFile(marker) && Files.isRegularFile(video)
                    && read(marker).equals(InputHash.file(video))) {
                return true;
            }
            media.cut(segs.files, mix, MasterSpec.of(board), video);
            AtomicFiles.write(marker, InputHash.file(video));
            t.advance(board.totalFrames());
            return false;
        }
    }

    // ---- sidecars, verify, manifest -----------------------------------------------------------

    private void sidecars(Storyboard board, Bible bible, Script script, Path dir) {
        Manifest.Files f = Manifest.standardFiles();
        try (var t = progress.start("sidecars", 3)) {
            Predicate<String> narrator = speaker -> bible.character(speaker)
                    .map(c -> c.role() == Character.Role.NARRATOR)
                    .orElse(speaker.equalsIgnoreCase("narrator"));
            AtomicFiles.write(dir.resolve(f.srt()), Subtitles.srt(board, narrator));
            AtomicFiles.write(dir.resolve(f.vtt()), Subtitles.vtt(board, narrator));
            t.advance(2);
            Cover.write(kit.pictures().cover(bible, board, script.title()), dir.resolve(f.cover()), dir.resolve(f.thumb()));
            t.advance(1);
        }
    }

    /**
     * Probes the master and fails loudly when it is off spec; returns its SHA-256. A full decode
     * would take a fifth of the produce time of a 150 s episode on two cores, so it is left to
     * the tests (RealEncodeTest) that pin the command lines this file was made with.
     */
    private String verify(Storyboard board, Path video) {
        try (var t = progress.start("verify", 1)) {
            List<String> off = Probe.offSpec(media.probe(video), MasterSpec.of(board));
            if (!off.isEmpty()) {
                throw new TsuzukuException(workspace.relative(video) + " is off spec:\n    " + String.join("\n    ", off)
                        + "\n    (delete .tsuzuku/cache and run produce again; if it persists, report it with this output)");
            }
            t.advance(1);
            return InputHash.file(video);
        }
    }

    private Path manifest(Bible bible, int episode, Script script, Storyboard board, Segments segs, Path dir, String checksum) {
        List<Manifest.ShotRef> shots = new ArrayList<>();
        for (int i = 0; i < board.shots().size(); i++) {
            Shot s = board.shots().get(i);
            shots.add(new Manifest.ShotRef(s.index(), (double) s.frames() / board.fps(), kit.pictures().provider(), segs.keys.get(i)));
        }
        Path file = dir.resolve("manifest.json");
        String producedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        // an unchanged episode keeps the time it was first made
        Optional<Manifest> before = previous(file);
        if (before.isPresent() && checksum.equals(before.get().checksum()) && before.get().producedAt() != null) {
            producedAt = before.get().producedAt();
        }
        String currency = bible.routing() == null || bible.routing().currency() == null ? "USD" : bible.routing().currency();
        Manifest m = new Manifest(bible.id(), episode, script.title(),
                (double) board.totalFrames() / board.fps(),
                new Manifest.HookRef(script.hook().text(), script.hook().kind().wireName()),
                Manifest.standardFiles(), shots,
                producedAt,
                // the animatic costs nothing to make; paid providers will fill these in
                new Manifest.Cost(0, 0, currency),
                checksum);
        try (var t = progress.start("manifest", 1)) {
            Json.writeFile(file, m);
            t.advance(1);
        }
        return file;
    }

    private static Optional<Manifest> previous(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), Manifest.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: it is about to be replaced anyway
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover scratch file in the cache is harmless
        }
    }
}
