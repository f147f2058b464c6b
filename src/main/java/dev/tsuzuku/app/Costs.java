package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.routing.AiGenerator;
import dev.tsuzuku.routing.Ledger;
import dev.tsuzuku.routing.Prices;
import dev.tsuzuku.routing.Providers;
import dev.tsuzuku.routing.Route;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tsuzuku cost}: money spent per episode from the ledger (estimated before, actual after,
 * and the cost per finished minute), and the season's estimate at list prices under a routing.
 */
public final class Costs {
    /** The providers a season is estimated with when the series configures none. */
    static final Generation STANDARD = new Generation(List.of("seedance", "kling", "runway"), List.of("seedream"), Map.of(),
            Map.of(), 0, 0, "USD", Map.of(), Map.of());

    private final Studio studio;

    Costs(Studio studio) {
        this.studio = studio;
    }

    /** One episode's money: estimated and actual USD, and its finished length (0 when not produced). */
    public record EpisodeCost(int episode, double estimated, double actual, double seconds, int takes, boolean cutLength) {
        public EpisodeCost(int episode, double estimated, double actual, double seconds, int takes) {
            this(episode, estimated, actual, seconds, takes, true);
        }

        public double perMinute(boolean actualCost) {
            return seconds <= 0 ? 0 : (actualCost ? actual : estimated) / (seconds / 60);
        }
    }

    /** What was spent, per episode with ledger entries or a manifest. */
    public List<EpisodeCost> spent() {
        Workspace ws = studio.workspace();
        String series = BibleFile.load(ws.bible()).id();
        Map<Integer, List<Ledger.Entry>> by = new HashMap<>();
        for (Ledger.Entry e : studio.costs().entries(series, null)) {
            by.computeIfAbsent(e.episode(), k -> new ArrayList<>()).add(e);
        }
        List<Integer> episodes = new ArrayList<>(by.keySet());
        if (Files.isRegularFile(ws.seasonJson())) {
            for (EpisodePlan plan : SeasonFiles.read(ws).episodes()) {
                if (Files.isRegularFile(ws.episodeDir(plan.number()).resolve("manifest.json")) && !episodes.contains(plan.number())) {
                    episodes.add(plan.number());
                }
            }
        }
        episodes.sort(null);
        List<EpisodeCost> out = new ArrayList<>();
        for (int n : episodes) {
            List<Ledger.Entry> entries = by.getOrDefault(n, List.of());
            Path manifest = ws.episodeDir(n).resolve("manifest.json");
            double seconds = Files.isRegularFile(manifest)
                    ? Json.readFile(manifest, Manifest.class, "tsuzuku produce " + ws.root() + " --episode " + n).durationSeconds() : 0;
            out.add(new EpisodeCost(n, entries.stream().mapToDouble(Ledger.Entry::estimatedUsd).sum(),
                    entries.stream().mapToDouble(Ledger.Entry::actualUsd).sum(), seconds,
                    (int) entries.stream().filter(e -> e.kind().equals("video")).count()));
        }
        return out;
    }

    /** The season's estimate: per boarded episode, what its shots would cost at list prices under {@code mode}. */
    public record Estimate(String routing, List<String> providers, List<EpisodeCost> episodes, int unboarded) {
        public double usd() {
            return episodes.stream().mapToDouble(EpisodeCost::estimated).sum();
        }

        public double seconds() {
            return episodes.stream().mapToDouble(EpisodeCost::seconds).sum();
        }

        public double perMinute() {
            return seconds() <= 0 ? 0 : usd() / (seconds() / 60);
        }
    }

    /** {@code routing} is {@code default} or {@code all-video}. */
    public Estimate estimate(String routing) {
        Route.Mode mode = switch (routing == null ? "default" : routing.strip()) {
            case "default" -> Route.Mode.DEFAULT;
            case "all-video" -> Route.Mode.ALL_VIDEO;
            default -> throw new BadInputException("--routing", "'" + routing + "' is not a routing",
                    "use --routing default or --routing all-video");
        };
        Workspace ws = studio.workspace();
        Generation g = BibleFile.generation(ws.bible());
        Bible bible = BibleFile.load(ws.bible());
        Generation used = g.providers().isEmpty() ? new Generation(STANDARD.providers(),
                g.keyframes().isEmpty() ? STANDARD.keyframes() : g.keyframes(), g.routes(), g.shots(), g.perEpisode(),
                g.perDay(), g.currency(), g.rates(), g.accounts()) : g;
        // adapters only for their capabilities and models: no key is needed and nothing is sent
        Map<String, String> placeholders = new HashMap<>();
        GenerationWiring.DEFAULT_KEY_ENV.values().forEach(v -> placeholders.put(v, "estimate-only"));
        used.accounts().values().forEach(a -> {
            if (a.keyEnv() != null) {
                placeholders.put(a.keyEnv(), "estimate-only");
            }
        });
        Providers providers = GenerationWiring.providers(used, placeholders, studio.clock());
        CostEstimator estimator = new CostEstimator(Prices.of(used));
        // the default routing tries the cheapest video provider first
        List<String> order = new ArrayList<>(used.providers());
        order.sort(Comparator.comparingDouble(p -> perSecond(estimator, providers, p)));
        Route route = new Route(used, order, mode);
        Season season = SeasonFiles.read(ws);
        List<EpisodeCost> out = new ArrayList<>();
        int unboarded = 0;
        for (EpisodePlan plan : season.episodes()) {
            Path file = BoardStage.storyboardFile(ws, plan.number());
            if (!Files.isRegularFile(file)) {
                unboarded++;
                continue;
            }
            Storyboard board = Json.readFile(file, Storyboard.class, "tsuzuku board " + ws.root() + " --episode " + plan.number());
            // a produced episode's shots are as long as the cut made them (fitted to the voices), not as boarded
            Manifest cut = producedCut(ws, plan.number(), board);
            Map<Integer, Double> cutSeconds = new HashMap<>();
            if (cut != null) {
                cut.shots().forEach(s -> cutSeconds.put(s.index(), s.seconds()));
            }
            double usd = 0;
            int takes = 0;
            for (Shot shot : board.shots()) {
                String first = route.steps(plan.number(), shot).get(0);
                if (first.equals(Route.ANIMATIC)) {
                    continue;
                }
                usd += keyframe(estimator, providers);
                if (Route.isVideo(first) && providers.video().containsKey(first)) {
                    VideoProvider vp = providers.video().get(first);
                    double length = cutSeconds.getOrDefault(shot.index(), (double) shot.frames() / board.fps());
                    int seconds = AiGenerator.snap(length, vp.capabilities().durations());
                    usd += estimator.video(first, providers.model(first),
                            TakeRequest.of("estimate", "estimate", seconds).withModel(providers.model(first))).usd();
                    takes++;
                }
            }
            out.add(new EpisodeCost(plan.number(), usd, 0,
                    cut != null ? cut.durationSeconds() : (double) board.totalFrames() / board.fps(), takes, cut != null));
        }
        if (out.isEmpty()) {
            throw new BadInputException(ws.relative(ws.episodesDir()), "no episode has a storyboard to estimate",
                    "board the season first: tsuzuku board " + ws.root() + " --episode all");
        }
        return new Estimate(routing == null ? "default" : routing.strip(), order, out, unboarded);
    }

    /** The manifest of the episode's produced cut when it is the cut of this board (same shots), else null. */
    private static Manifest producedCut(Workspace ws, int episode, Storyboard board) {
        Path manifest = ws.episodeDir(episode).resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Manifest m = Json.readFile(manifest, Manifest.class, "tsuzuku produce " + ws.root() + " --episode " + episode);
        boolean same = m.shots() != null && m.shots().size() == board.shots().size() && m.durationSeconds() > 0;
        return same ? m : null;
    }

    private static double perSecond(CostEstimator estimator, Providers providers, String p) {
        return providers.video().containsKey(p)
                ? estimator.video(p, providers.model(p), TakeRequest.of("estimate", "estimate", 5).withModel(providers.model(p))).usd()
                : Double.MAX_VALUE;
    }

    private static double keyframe(CostEstimator estimator, Providers providers) {
        if (providers.keyframes().isEmpty()) {
            return 0;
        }
        KeyframeProvider kp = providers.keyframes().get(0);
        return estimator.keyframe(kp.name(), providers.model(kp.name()),
                new KeyframeRequest("estimate", "estimate", List.of(), 720, 1280, null, null, providers.model(kp.name()))).usd();
    }
}
