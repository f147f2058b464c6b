package dev.tsuzuku.routing;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.produce.Generator;
import dev.tsuzuku.render.CharacterSheets;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.ImageRef;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produce's {@link Generator} over the provider ports: for each shot, the route's steps in
 * order (a video provider, a keyframe with the animatic camera, the animatic), with a keyframe
 * first (the cast's character sheets as references, the style anchor in the prompt; the
 * animatic's frame when no image provider can make one), every paid request estimated and
 * recorded in the {@link Ledger} before it is sent, held to the review gate and the budget caps,
 * and a fall to the next step on a terminal failure, a budget stop or an outage.
 *
 * <p>A take is reused when the ledger already holds a succeeded request with the same
 * idempotency key (derived from the shot's inputs), so a run again pays nothing twice.
 */
public final class AiGenerator implements Generator {
    private static final Logger LOG = LoggerFactory.getLogger(AiGenerator.class);
    private static final int KEYFRAME_W = 720;
    private static final int KEYFRAME_H = 1280;

    /** How the generator waits between polls and after a retryable failure (the engine's job later). */
    public interface Pause {
        void pause(Duration d);
    }

    private final Generation config;
    private final Providers providers;
    private final CostEstimator estimator;
    private final Ledger ledger;
    private final Workspace workspace;
    private final Clock clock;
    private final Takes takes;
    private final Route route;
    private volatile boolean skipReview;
    /** Held while a budget check and the intent it allows are recorded (an episode's shots run at once). */
    private final Object money = new Object();

    public AiGenerator(Generation config, Providers providers, CostEstimator estimator, Ledger ledger, Workspace workspace,
            Clock clock, Takes takes) {
        this.config = config;
        this.providers = providers;
        this.estimator = estimator;
        this.ledger = ledger;
        this.workspace = workspace;
        this.clock = clock;
        this.takes = takes;
        this.route = new Route(config, config.providers(), Route.Mode.DEFAULT);
    }

    /** {@code produce --yes}: paid generation without an approval (the caller says so to the user). */
    public void skipReview(boolean yes) {
        this.skipReview = yes;
    }

    @Override
    public boolean enabled() {
        return !config.animaticOnly();
    }

    @Override
    public String fingerprint(int episode) {
        // the routing and the gate decide the pictures; the approval's board hash changes with a re-approval
        return InputHash.of("generation", 1).add(config).add(providers.video().keySet().toString())
                .add(providers.keyframes().stream().map(KeyframeProvider::name).toList().toString())
                .add(gateState(seriesOf(), episode)).add(ledger.regenerations(seriesOf(), episode).toString()).hex();
    }

    private String seriesOf() {
        return series == null ? "" : series;
    }

    private volatile String series;

    /** The series whose episodes this generator makes (the bible's id; set before the first fingerprint). */
    public void series(String id) {
        this.series = id;
    }

    private String gateState(String series, int episode) {
        if (skipReview) {
            return "review skipped";
        }
        return ledger.approval(series, episode).map(a -> "approved " + a.boardHash()).orElse("not approved");
    }

    @Override
    public List<Picture> pictures(Request request, Listener listener) {
        Bible bible = request.bible();
        series = bible.id();
        Storyboard board = request.board();
        String boardHash = InputHash.of("board", 1).add(board.shots().stream().map(s -> s.index() + s.prompt()).toList()).hex();
        Optional<String> gate = gate(bible.id(), request.episode());
        Run run = new Run(request, listener, gate, java.util.concurrent.ConcurrentHashMap.newKeySet());
        ledger.regenerations(bible.id(), request.episode()).forEach(r -> run.regenerations.put(r.shot(), r));
        run.styleFrame = styleFrame(bible.id(), request.episode()).orElse(null);
        List<Picture> out = new ArrayList<>();
        int parallel = takes.concurrent() ? parallelism() : 1;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "generate-ep" + request.episode());
            t.setDaemon(true);
            return t;
        });
        try {
            // every shot goes to the providers at once (the take engine holds each account to its limit),
            // except a continuous shot of the same scene, which waits for the previous shot's last frame
            List<java.util.concurrent.Future<Picture>> shots = new ArrayList<>();
            java.util.concurrent.Future<Picture> before = null;
            Shot previous = null;
            for (Shot shot : board.shots()) {
                Shot prev = previous;
                java.util.concurrent.Future<Picture> waitFor = chainsOn(request.episode(), prev, shot) ? before : null;
                java.util.concurrent.Future<Picture> f = pool.submit(() -> {
                    Path lastFrame = null;
                    if (waitFor != null) {
                        Picture p = waitFor.get();
                        lastFrame = p.clip() == null ? null : run.lastFrames.get(p.shot());
                    }
                    return shot(run, shot, prev, lastFrame);
                });
                shots.add(f);
                before = f;
                previous = shot;
            }
            for (java.util.concurrent.Future<Picture> f : shots) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.tsuzuku.model.TsuzukuException("interrupted while generating episode " + request.episode(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.ExecutionException inner ? inner.getCause()
                    : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new dev.tsuzuku.model.TsuzukuException("generating episode " + request.episode() + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        LOG.debug("episode {} generated, board {}", request.episode(), boardHash);
        return out;
    }

    /** How many shots are asked for at once: every video account's concurrency together (at least 1, at most 64). */
    private int parallelism() {
        int sum = 0;
        for (String provider : providers.video().keySet()) {
            Generation.Account a = config.accounts().get(provider);
            sum += a == null ? 2 : a.concurrency();
        }
        return Math.max(1, Math.min(64, sum));
    }

    /**
     * Whether {@code shot} must wait for {@code previous}: it continues the same scene (same place
     * and time of day), both may become video, and a provider on the previous shot's route returns
     * a last frame to start from.
     */
    private boolean chainsOn(int episode, Shot previous, Shot shot) {
        if (previous == null || !continuous(previous, shot)) {
            return false;
        }
        boolean video = route.steps(episode, shot).stream().anyMatch(providers.video()::containsKey);
        return video && route.steps(episode, previous).stream().map(providers.video()::get)
                .anyMatch(vp -> vp != null && vp.capabilities().returnsLastFrame());
    }

    private static boolean continuous(Shot previous, Shot shot) {
        return java.util.Objects.equals(previous.place(), shot.place())
                && java.util.Objects.equals(previous.timeOfDay(), shot.timeOfDay());
    }

    /** Where a series keeps its own style frame: a picture of the look every keyframe should have. */
    public static final String STYLE_FRAME = "style.png";

    /**
     * The series' style anchor as a picture, sent with every keyframe request as its first
     * reference image: {@code characters/style.png} when the series has one (its cover art, a
     * frame it likes), else the first keyframe made for the series' earliest generated episode
     * before this one. Only earlier episodes count, so an episode's requests (and their keys)
     * stay the same when it is produced again.
     */
    Optional<Path> styleFrame(String series, int episode) {
        Path own = workspace.charactersDir().resolve(STYLE_FRAME);
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        return ledger.entries(series, null).stream()
                .filter(e -> e.episode() < episode && "keyframe".equals(e.kind()) && "succeeded".equals(e.status())
                        && e.file() != null && Files.isRegularFile(workspace.root().resolve(e.file())))
                .min(java.util.Comparator.comparingInt(Ledger.Entry::episode).thenComparingInt(Ledger.Entry::shot)
                        .thenComparingLong(Ledger.Entry::id))
                .map(e -> workspace.root().resolve(e.file()));
    }

    /** Why paid generation is closed for this episode, or empty when it is open. */
    private Optional<String> gate(String series, int episode) {
        if (skipReview) {
            return Optional.empty();
        }
        return ledger.approval(series, episode).isPresent() ? Optional.empty()
                : Optional.of("not approved (tsuzuku approve DIR --episode " + episode + ", or produce --yes)");
    }

    private static final class Run {
        final Request request;
        final Listener listener;
        final Optional<String> gate;
        final Set<String> dark;
        final java.util.Map<Integer, Ledger.Regeneration> regenerations = new java.util.HashMap<>();
        /** The series' style anchor as a picture, or null (then only the prompt's words carry it). */
        Path styleFrame;
        /** Each shot's take's last frame, as its provider returned it (for the next continuous shot). */
        final java.util.Map<Integer, Path> lastFrames = new java.util.concurrent.ConcurrentHashMap<>();

        Run(Request request, Listener listener, Optional<String> gate, Set<String> dark) {
            this.request = request;
            this.listener = listener;
            this.gate = gate;
            this.dark = dark;
        }
    }

    private Picture shot(Run run, Shot shot, Shot previous, Path previousLastFrame) {
        int episode = run.request.episode();
        List<String> steps = route.steps(episode, shot);
        Ledger.Regeneration again = run.regenerations.get(shot.index());
        if (again != null && again.provider() != null) {
            List<String> asked = new ArrayList<>(List.of(again.provider()));
            steps.stream().filter(st -> !st.equals(again.provider())).forEach(asked::add);
            steps = asked;
        }
        List<String> reasons = new ArrayList<>();
        if (run.gate.isPresent() && !steps.equals(List.of(Route.ANIMATIC))) {
            // before the review the episode is its animatic, exactly
            return Picture.animatic(shot.index(), run.gate.get());
        }
        Made keyframe = null;
        for (String step : steps) {
            if (step.equals(Route.ANIMATIC)) {
                break;
            }
            if (keyframe == null) {
                keyframe = keyframe(run, shot, reasons);
            }
            if (step.equals(Route.KEYFRAME)) {
                String why = reasons.isEmpty() ? null : String.join("; ", reasons);
                emit(run, shot, "succeeded", keyframe.provider, why);
                return new Picture(shot.index(), keyframe.provider.equals(Route.ANIMATIC) ? "animatic-keyframe"
                        : "keyframe:" + keyframe.provider, keyframe.takeId, null, keyframe.file, keyframe.estimated,
                        keyframe.actual, why);
            }
            Optional<Picture> take = take(run, shot, previous, previousLastFrame, step, keyframe, reasons);
            if (take.isPresent()) {
                return take.get();
            }
        }
        String why = reasons.isEmpty() ? null : String.join("; ", reasons);
        if (why != null) {
            emit(run, shot, "fallback", Route.ANIMATIC, why);
        }
        double kfCost = keyframe == null ? 0 : keyframe.actual;
        return new Picture(shot.index(), "animatic", null, null, null, keyframe == null ? 0 : keyframe.estimated, kfCost, why);
    }

    /** A made keyframe or take: its file, what it was estimated and cost, and its ledger id. */
    private record Made(String provider, String takeId, Path file, double estimated, double actual) {}

    private Made keyframe(Run run, Shot shot, List<String> reasons) {
        Bible bible = run.request.bible();
        int episode = run.request.episode();
        for (KeyframeProvider kp : providers.keyframes()) {
            if (run.gate.isPresent()) {
                reasons.add(kp.name() + ": " + run.gate.get());
                break;
            }
            String model = providers.model(kp.name());
            // the style anchor first (the look every keyframe should share), then the cast's sheets
            List<ImageRef> refs = new ArrayList<>();
            if (run.styleFrame != null && kp.maxReferenceImages() > 0) {
                refs.add(ImageRef.png(read(run.styleFrame)));
            }
            refs.addAll(sheets(run.request, shot, kp.maxReferenceImages() - refs.size()));
            String prompt = prompt(bible, shot);
            String key = InputHash.of("keyframe", 1).add(bible.id()).add(episode + "." + shot.index()).add(kp.name())
                    .add(String.valueOf(model)).add(prompt).add(refs.stream().map(r -> Integer.toString(r.hashCode())).toList())
                    .hex();
            Optional<Ledger.Entry> done = reuse(key);
            if (done.isPresent()) {
                return new Made(kp.name(), Long.toString(done.get().id()), workspace.root().resolve(done.get().file()),
                        done.get().estimatedUsd(), done.get().actualUsd());
            }
            KeyframeRequest req = new KeyframeRequest(key, prompt, refs, KEYFRAME_W, KEYFRAME_H, seed(key), null, model);
            CostEstimator.Estimate est = estimator.keyframe(kp.name(), model, req);
            long id;
            synchronized (money) {
                // shots run at once: the cap check and the intent it allows are one step
                Optional<String> stop = budget(bible.id(), episode, est.usd());
                if (stop.isPresent()) {
                    reasons.add(kp.name() + ": " + stop.get());
                    continue;
                }
                id = ledger.intent(entry(bible.id(), episode, shot, kp.name(), "keyframe", key, est.usd()));
            }
            Path target = workspace.cacheDir().resolve("takes").resolve(key + ".png");
            Takes.Result r = takes.keyframe(new Takes.ShotRef(bible.id(), episode, shot.index()), kp, req, est, target);
            if (r.ok()) {
                CostEstimator.Estimate actual = estimator.actual(kp.name(), model, false, r.usage(), est);
                ledger.finished(id, true, actual.usd(), actual.unit(), actual.quantity(), workspace.relative(r.file()), null);
                return new Made(kp.name(), Long.toString(id), r.file(), est.usd(), actual.usd());
            }
            ledger.finished(id, false, 0, null, 0, null, r.failure());
            reasons.add(kp.name() + ": " + r.failure());
        }
        // the offline keyframe: the animatic's own first frame of the shot
        BufferedImage frame = run.request.animaticFrame().apply(shot.index());
        Path file = workspace.cacheDir().resolve("takes").resolve(InputHash.of("animatic-frame", 1)
                .add(png(frame)).hex() + ".png");
        if (!Files.isRegularFile(file)) {
            AtomicFiles.write(file, png(frame));
        }
        return new Made(Route.ANIMATIC, null, file, 0, 0);
    }

    private Optional<Picture> take(Run run, Shot shot, Shot previous, Path previousLastFrame, String provider, Made keyframe,
            List<String> reasons) {
        Bible bible = run.request.bible();
        int episode = run.request.episode();
        VideoProvider vp = providers.video().get(provider);
        if (vp == null) {
            reasons.add(provider + ": " + providers.missing().getOrDefault(provider, "not configured"));
            return Optional.empty();
        }
        if (run.gate.isPresent()) {
            reasons.add(provider + ": " + run.gate.get());
            return Optional.empty();
        }
        if (run.dark.contains(provider)) {
            reasons.add(provider + ": unreachable earlier in this episode");
            return Optional.empty();
        }
        String model = providers.model(provider);
        double seconds = (double) shot.frames() / run.request.board().fps();
        int duration = snap(seconds, vp.capabilities().durations());
        boolean continuous = previous != null && previousLastFrame != null && Files.isRegularFile(previousLastFrame)
                && continuous(previous, shot);
        Path start = continuous ? previousLastFrame : keyframe.file;
        ImageRef first = ImageRef.png(read(start));
        String prompt = prompt(bible, shot);
        String key = InputHash.of("take", 1).add(bible.id()).add(episode + "." + shot.index()).add(provider)
                .add(String.valueOf(model)).add(prompt).add(Integer.toString(duration))
                .add(InputHash.file(start))
                .add(run.regenerations.containsKey(shot.index()) ? "variant " + run.regenerations.get(shot.index()).variant() : "")
                .hex();
        Path lastFrame = workspace.cacheDir().resolve("takes").resolve(key + "-last.png");
        Optional<Ledger.Entry> done = reuse(key);
        if (done.isPresent()) {
            if (Files.isRegularFile(lastFrame)) {
                run.lastFrames.put(shot.index(), lastFrame);
            }
            emit(run, shot, "succeeded", provider, "take " + done.get().id() + " reused");
            return Optional.of(new Picture(shot.index(), provider, Long.toString(done.get().id()),
                    workspace.root().resolve(done.get().file()), null, done.get().estimatedUsd() + keyframe.estimated,
                    done.get().actualUsd() + keyframe.actual, why(reasons)));
        }
        TakeRequest req = TakeRequest.of(key, prompt, duration).withFirstFrame(first).withModel(model).withSeed(seed(key));
        CostEstimator.Estimate est = estimator.video(provider, model, req);
        long id;
        synchronized (money) {
            Optional<String> stop = budget(bible.id(), episode, est.usd());
            if (stop.isPresent()) {
                reasons.add(provider + ": " + stop.get());
                emit(run, shot, "fallback", provider, stop.get());
                return Optional.empty();
            }
            id = ledger.intent(entry(bible.id(), episode, shot, provider, "video", key, est.usd()));
        }
        emit(run, shot, "queued", provider, String.format(Locale.ROOT, "estimate $%.2f", est.usd()));
        Takes.Result r = takes.video(new Takes.ShotRef(bible.id(), episode, shot.index()), vp, req, est, lastFrame);
        if (r.taskId() != null) {
            ledger.submitted(id, r.taskId());
        }
        if (!r.ok()) {
            if (r.providerDark()) {
                run.dark.add(provider);
            }
            return fail(run, shot, provider, id, r.failure(), reasons);
        }
        Path file = r.file();
        CostEstimator.Estimate actual = estimator.actual(provider, req.modelOr(model), false, r.usage(), est);
        ledger.finished(id, true, actual.usd(), actual.unit(), actual.quantity(), workspace.relative(file), null);
        if (r.lastFrame() != null) {
            run.lastFrames.put(shot.index(), r.lastFrame());
        }
        if (run.regenerations.containsKey(shot.index())) {
            ledger.choose(id); // the regenerated take is the one the cut uses
        }
        emit(run, shot, "succeeded", provider, String.format(Locale.ROOT, "$%.2f", actual.usd()));
        return Optional.of(new Picture(shot.index(), provider, Long.toString(id), file, null,
                est.usd() + keyframe.estimated, actual.usd() + keyframe.actual, why(reasons)));
    }

    private Optional<Picture> fail(Run run, Shot shot, String provider, long id, String why, List<String> reasons) {
        ledger.finished(id, false, 0, null, 0, null, why);
        reasons.add(provider + ": " + why);
        emit(run, shot, "failed", provider, why);
        return Optional.empty();
    }

    private static String why(List<String> reasons) {
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private Optional<Ledger.Entry> reuse(String key) {
        return ledger.succeeded(key).filter(e -> e.file() != null && Files.isRegularFile(workspace.root().resolve(e.file())));
    }

    /** Why a paid request of {@code usd} may not be sent now, or empty. */
    Optional<String> budget(String series, int episode, double usd) {
        if (config.perEpisode() > 0 && ledger.committed(series, episode) + usd > config.perEpisode() + 1e-9) {
            return Optional.of(String.format(Locale.ROOT, "budget: the episode cap of $%.2f would be passed", config.perEpisode()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (config.perDay() > 0 && ledger.committedOn(series, today) + usd > config.perDay() + 1e-9) {
            return Optional.of(String.format(Locale.ROOT, "budget: the daily cap of $%.2f would be passed", config.perDay()));
        }
        return Optional.empty();
    }

    private Ledger.Entry entry(String series, int episode, Shot shot, String provider, String kind, String key, double usd) {
        return new Ledger.Entry(0, series, episode, shot.index(), provider, kind, key, null, "intent", usd, 0, null, 0, null,
                null, false, clock.instant());
    }

    private void emit(Run run, Shot shot, String state, String provider, String detail) {
        if (run.listener != null) {
            synchronized (run.listener) {
                tell(run, shot, state, provider, detail);
            }
        }
    }

    private void tell(Run run, Shot shot, String state, String provider, String detail) {
        {
            run.listener.shot(shot.index(), state, provider, detail,
                    ledger.committed(run.request.bible().id(), run.request.episode()));
        }
    }

    /** The smallest allowed duration that covers the shot (the cut trims the rest), else the longest allowed. */
    public static int snap(double seconds, List<Integer> allowed) {
        int need = (int) Math.ceil(seconds - 1e-9);
        return allowed.stream().filter(d -> d >= need).min(Integer::compare)
                .orElseGet(() -> allowed.stream().max(Integer::compare).orElse(Math.max(1, need)));
    }

    /** The shot's prompt with the series' style anchor. */
    static String prompt(Bible bible, Shot shot) {
        String style = bible.style() == null ? "" : bible.style().preset().replace('-', ' ')
                + (bible.style().notes() == null || bible.style().notes().isBlank() ? "" : ", " + bible.style().notes());
        String p = shot.prompt() == null || shot.prompt().isBlank() ? shot.action() : shot.prompt();
        return (p == null || p.isBlank() ? "a quiet scene" : p) + ". Style: " + style + " anime, vertical 9:16.";
    }

    static String soften(String prompt) {
        return "A gentle, family-friendly anime scene: " + prompt.replaceAll("(?i)\\b(blood|kill|dead|death|fight|attack)\\w*", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static Long seed(String key) {
        return Long.parseLong(key.substring(0, 7), 16);
    }

    /** The character sheets of the cast in the shot, as references (at most {@code max}). */
    private static List<ImageRef> sheets(Request request, Shot shot, int max) {
        List<ImageRef> out = new ArrayList<>();
        if (request.sheets() == null || max <= 0) {
            return out;
        }
        for (ShotCast c : shot.cast()) {
            Path f = request.sheets().resolve(CharacterSheets.slug(c.name()) + ".png");
            if (out.size() < max && Files.isRegularFile(f)) {
                out.add(ImageRef.png(read(f)));
            }
        }
        return out;
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ImageIO.write(img, "png", b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
