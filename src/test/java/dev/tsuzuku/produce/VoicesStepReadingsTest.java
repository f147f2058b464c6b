package dev.tsuzuku.produce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.voice.Speech;
import dev.tsuzuku.voice.Voice;
import dev.tsuzuku.voice.WavFile;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bible's readings reach the voice on the production floor: Japanese voices get the kana, others the line. */
class VoicesStepReadingsTest {
    @TempDir
    Path dir;

    private final List<String> heard = new ArrayList<>();

    private final Voice recorder = new Voice() {
        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Speech speak(String text, VoiceSpec voice, Path wavOut) {
            heard.add(text);
            WavFile.write(wavOut, new dev.tsuzuku.voice.Pcm(16000, 1, new float[1600]));
            return new Speech(wavOut, 0.1);
        }
    };

    private Production production(Bible bible) {
        var script = FakeStudio.script(1, "私はこの山の鈴守。");
        return new Production(new Workspace(dir), bible, 1, script, FakeStudio.Boards.of(script), false);
    }

    @Test
    void a_japanese_voice_hears_the_books_reading_and_an_english_one_the_line() {
        Bible bible = FakeStudio.bible().withReadings(Map.of("鈴守", "すずもり"));
        ArtifactCache cache = new ArtifactCache(dir.resolve("cache"));

        new VoicesStep(recorder, (speaker, b) -> new VoiceSpec("ja+m3", 45, 160), cache)
                .run(production(bible), Progress.silent().start("voices", 2));
        assertThat(heard).contains("私はこの山のスズモリ。").doesNotContain("私はこの山の鈴守。");

        heard.clear();
        new VoicesStep(recorder, (speaker, b) -> new VoiceSpec("en-us+m3", 45, 160), cache)
                .run(production(bible), Progress.silent().start("voices", 2));
        assertThat(heard).contains("私はこの山の鈴守。");
    }

    @Test
    void a_changed_reading_makes_the_line_again_and_an_untouched_line_keeps_its_recording() {
        ArtifactCache cache = new ArtifactCache(dir.resolve("cache"));
        VoicesStep step = new VoicesStep(recorder, (speaker, b) -> new VoiceSpec("ja+m3", 45, 160), cache);
        step.run(production(FakeStudio.bible().withReadings(Map.of("鈴守", "すずもり"))), Progress.silent().start("voices", 2));
        heard.clear();

        step.run(production(FakeStudio.bible().withReadings(Map.of("鈴守", "りんしゅ"))), Progress.silent().start("voices", 2));

        assertThat(heard).containsExactly("私はこの山のリンシュ。");
    }
}
