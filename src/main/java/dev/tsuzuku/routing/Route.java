package dev.tsuzuku.routing;

import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Shot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routing policy: the ordered steps a shot tries, each a video provider, {@link #KEYFRAME} (a
 * keyframe moved by the animatic camera) or {@link #ANIMATIC}, always ending with the animatic so
 * an episode always ships. A shot's own entry ({@code shots: "1.4"}) wins over its class's
 * ({@code routes: hook}), which wins over the default.
 *
 * <p>The default aims at the lowest cost per finished minute that keeps what sells an episode as
 * real video: the cold open and the hook go to the video providers (cheapest first at list
 * prices), every other shot gets a keyframe with a camera move. {@link Mode#ALL_VIDEO} sends
 * every shot but the cards to video, for comparison.
 */
public final class Route {
    public static final String KEYFRAME = "keyframe";
    public static final String ANIMATIC = "animatic";
    public static final String VIDEO = "video";

    public enum Mode { DEFAULT, ALL_VIDEO }

    private final Generation config;
    private final List<String> videoOrder;
    private final Mode mode;

    /** {@code videoOrder}: the configured video providers, in the order the default routing tries them. */
    public Route(Generation config, List<String> videoOrder, Mode mode) {
        this.config = config;
        this.videoOrder = List.copyOf(videoOrder);
        this.mode = mode;
    }

    /** The steps of shot {@code shot} of episode {@code episode}, ending with the animatic. */
    public List<String> steps(int episode, Shot shot) {
        Optional<ShotClass> cls = ShotClass.of(shot);
        if (cls.isEmpty()) {
            return List.of(ANIMATIC);
        }
        List<String> asked = config.shots().get(episode + "." + shot.index());
        if (asked == null && mode == Mode.DEFAULT) {
            asked = config.routes().get(cls.get().wireName());
        }
        if (asked == null) {
            asked = defaults(cls.get());
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String step : asked) {
            if (step.equals(VIDEO)) {
                out.addAll(videoOrder);
            } else {
                out.add(step);
            }
        }
        out.add(ANIMATIC);
        return List.copyOf(out);
    }

    private List<String> defaults(ShotClass cls) {
        boolean video = mode == Mode.ALL_VIDEO || cls == ShotClass.COLD_OPEN || cls == ShotClass.HOOK;
        List<String> out = new ArrayList<>();
        if (video) {
            out.addAll(videoOrder);
        }
        if (!config.keyframes().isEmpty()) {
            out.add(KEYFRAME);
        }
        return out;
    }

    /** Whether this step is a paid video provider (not a keyframe, not the animatic). */
    public static boolean isVideo(String step) {
        return !step.equals(KEYFRAME) && !step.equals(ANIMATIC);
    }

    /** The shot routes of a whole board, for estimates: shot index → steps. */
    public Map<Integer, List<String>> all(int episode, List<Shot> shots) {
        Map<Integer, List<String>> out = new java.util.LinkedHashMap<>();
        shots.forEach(s -> out.put(s.index(), steps(episode, s)));
        return out;
    }
}
