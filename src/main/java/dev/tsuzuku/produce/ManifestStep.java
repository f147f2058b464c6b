package dev.tsuzuku.produce;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.workspace.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code manifest}: manifest.json, the episode's contract for outside tools (files, shots, hook, checksum). */
final class ManifestStep implements Step<Production> {
    /** 2: the manifest carries the voice share measured on the cut's voice stem. */
    static final int VERSION = 2;

    private final Pictures pictures;
    private final Clock clock;

    ManifestStep(Pictures pictures, Clock clock) {
        this.pictures = pictures;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "manifest";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        List<Manifest.ShotRef> shots = new ArrayList<>();
        double estimated = 0;
        double actual = 0;
        for (int i = 0; i < board.shots().size(); i++) {
            Shot s = board.shots().get(i);
            Generator.Picture made = p.pictures == null ? null : p.pictures.get(i);
            if (made == null || made.takeId() == null && made.fallback() == null && made.provider().equals("animatic")) {
                shots.add(new Manifest.ShotRef(s.index(), (double) s.frames() / board.fps(), pictures.provider(),
                        p.segments.keys.get(i)));
            } else {
                estimated += made.estimatedUsd();
                actual += made.actualUsd();
                shots.add(new Manifest.ShotRef(s.index(), (double) s.frames() / board.fps(),
                        made.provider().equals("animatic") ? pictures.provider() : made.provider(),
                        made.takeId() == null ? p.segments.keys.get(i) : made.takeId(), made.actualUsd(), made.fallback()));
            }
        }
        Path file = p.manifest();
        String producedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        // an unchanged episode keeps the time it was first made
        Optional<Manifest> before = previous(file);
        if (before.isPresent() && p.checksum.equals(before.get().checksum()) && before.get().producedAt() != null) {
            producedAt = before.get().producedAt();
        }
        String currency = p.bible.routing() == null || p.bible.routing().currency() == null
                ? "USD" : p.bible.routing().currency();
        Manifest m = new Manifest(p.bible.id(), p.episode, p.script.title(),
                (double) board.totalFrames() / board.fps(),
                new Manifest.HookRef(p.script.hook().text(), p.script.hook().kind().wireName()),
                Manifest.standardFiles(), shots,
                producedAt,
                // the animatic costs nothing to make; paid providers' takes add their estimate and actual
                new Manifest.Cost(round(estimated), round(actual), currency),
                p.checksum, p.voiceShare);
        Json.writeFile(file, m);
        task.advance(1);
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000.0;
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
}
