package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Port: AI-made pictures for an episode's shots (keyframes and video takes), routed per shot,
 * held to the budget and the review gate, and recorded in the cost ledger. {@link #NONE} (no
 * provider configured) leaves every shot to the animatic, so produce makes exactly what it made
 * before generation existed.
 */
public interface Generator {

    /** Every shot stays the animatic's; nothing is called or recorded. */
    Generator NONE = new Generator() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String fingerprint(int episode) {
            return "animatic";
        }

        @Override
        public List<Picture> pictures(Request request, Listener listener) {
            return request.board().shots().stream().map(s -> Picture.animatic(s.index(), null)).toList();
        }
    };

    /** Whether the {@code generate} step has anything to do. */
    boolean enabled();

    /**
     * Everything besides the episode's own inputs that changes which pictures the shots get: the
     * generation settings, whether the episode is approved, explicit take choices. Part of
     * produce's input hash.
     */
    String fingerprint(int episode);

    /** One picture per shot of {@code request.board()}, in shot order. */
    List<Picture> pictures(Request request, Listener listener);

    /**
     * What to generate for: the timed storyboard, the character sheets' folder, and the
     * animatic's first frame of a shot (by shot index), the offline keyframe.
     */
    record Request(Bible bible, int episode, Storyboard board, Path sheets, IntFunction<BufferedImage> animaticFrame) {}

    /**
     * The picture a shot gets: a video take ({@code clip}), a keyframe moved by the animatic
     * camera ({@code keyframe}), or neither (the animatic renders it). {@code fallback} says why
     * the shot did not get what its route asked for first, or is null.
     */
    record Picture(int shot, String provider, String takeId, Path clip, Path keyframe, double estimatedUsd,
            double actualUsd, String fallback) {
        public static Picture animatic(int shot, String fallback) {
            return new Picture(shot, "animatic", null, null, null, 0, 0, fallback);
        }
    }

    /** Per-shot progress: {@code state} is queued, running, succeeded, failed or fallback. */
    interface Listener {
        void shot(int shot, String state, String provider, String detail, double spentUsd);
    }
}
