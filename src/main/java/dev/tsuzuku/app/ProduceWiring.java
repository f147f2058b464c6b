package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.DropCalendar;
import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.produce.Boarding;
import dev.tsuzuku.produce.Mixing;
import dev.tsuzuku.produce.Pictures;
import dev.tsuzuku.produce.Producer;
import dev.tsuzuku.produce.ProductionKit;
import dev.tsuzuku.render.AnimaticRenderer;
import dev.tsuzuku.render.CharacterSheets;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.FrameSource;
import dev.tsuzuku.voice.PlacedSpeech;
import dev.tsuzuku.voice.Soundtrack;
import dev.tsuzuku.voice.VoiceCasting;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Builds the produce stage from the real adapters: the storyboarder (through the board stage, so
 * a hand-edited storyboard.json is respected), the animatic renderer, the studio's offline voice
 * and the soundtrack mixer.
 */
final class ProduceWiring {
    static final String SOUNDTRACK_VERSION = "soundtrack-1";

    private ProduceWiring() {}

    static Producer producer(Studio studio) {
        ProductionKit kit = new ProductionKit(new StoryboarderBoarding(studio), new AnimaticPictures(), studio.voice(),
                VoiceCasting::specFor, new SoundtrackMixing(studio.soundtrack()));
        return new Producer(studio.workspace(), studio.clock(), studio.progress(), kit, FfmpegMediaTool.local());
    }

    private static final class StoryboarderBoarding implements Boarding {
        private final Studio studio;
        private final Storyboarder storyboarder = new Storyboarder();

        StoryboarderBoarding(Studio studio) {
            this.studio = studio;
        }

        @Override
        public Storyboard board(Bible bible, EpisodePlan plan, Script script, boolean force) {
            Workspace ws = studio.workspace();
            ZonedDateTime nextDrop = DropCalendar.forWorkspace(bible.schedule(), ws, studio.clock())
                    .nextDrop(SeasonFiles.read(ws), plan.number());
            new BoardStage(ws, studio.runner(), storyboarder).run(bible, plan, nextDrop, force);
            return Json.readFile(BoardStage.storyboardFile(ws, plan.number()), Storyboard.class,
                    "tsuzuku board " + ws.root() + " --episode " + plan.number() + " --force");
        }

        @Override
        public Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measuredSeconds) {
            return storyboarder.retime(board, measuredSeconds);
        }
    }

    private static final class AnimaticPictures implements Pictures {
        @Override
        public String provider() {
            return "animatic";
        }

        @Override
        public String version() {
            return AnimaticRenderer.VERSION;
        }

        /** The renderer itself names what a shot's pixels depend on, so the cache key cannot drift from it. */
        @Override
        public String fingerprint(Bible bible, Storyboard board, int shotIndex) {
            return new AnimaticRenderer(bible, board).fingerprint(shotIndex);
        }

        @Override
        public void sheets(Bible bible, Path dir) {
            CharacterSheets.write(bible, dir);
        }

        @Override
        public FrameSource shot(Bible bible, Storyboard board, int shotIndex) {
            // one renderer per shot: it is not thread-safe and caches only what this shot draws
            return new AnimaticRenderer(bible, board).shot(shotIndex);
        }

        @Override
        public BufferedImage cover(Bible bible, Storyboard board, String title) {
            return new AnimaticRenderer(bible, board).cover(title);
        }
    }

    private static final class SoundtrackMixing implements Mixing {
        private final Soundtrack soundtrack;

        SoundtrackMixing(Soundtrack soundtrack) {
            this.soundtrack = soundtrack;
        }

        @Override
        public String version() {
            return SOUNDTRACK_VERSION;
        }

        @Override
        public void mix(Storyboard board, List<Placed> voices, Path outWav) {
            soundtrack.mix(board, voices.stream().map(p -> new PlacedSpeech(p.startFrame(), p.wav())).toList(), outWav);
        }
    }
}
