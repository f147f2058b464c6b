package dev.tsuzuku.board;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.VoiceSpec;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builders for the storyboard tests: a small Urashima Taro series. */
final class BoardFixtures {
    private BoardFixtures() {}

    static final Character TARO = new Character("Taro", List.of("Urashima"), Character.Role.LEAD,
            new Look("black", "brown", "blue fisherman's kimono", "fair", "lean young man"),
            new VoiceSpec("en-us+m3", 50, 160));
    static final Character PRINCESS = new Character("Otohime", List.of("the Princess"), Character.Role.SUPPORTING,
            new Look("long black", "dark", "layered sea-green robes with pearls", "porcelain", "tall and graceful"),
            new VoiceSpec("en-us+f3", 60, 150));
    static final Character TURTLE = new Character("Turtle", List.of(), Character.Role.SUPPORTING,
            new Look(null, "gold", "green shell", null, "small sea turtle"), new VoiceSpec("en-us+m1", 30, 140));
    static final Character NARRATOR = new Character("Narrator", List.of(), Character.Role.NARRATOR,
            null, new VoiceSpec("en-us", 45, 150));

    static BibleBuilder aBible() {
        return new BibleBuilder();
    }

    static ScriptBuilder aScript() {
        return new ScriptBuilder();
    }

    static EpisodePlan aPlan(int number, String coldOpen) {
        return new EpisodePlan(number, "The Turtle", "Taro saves a turtle.", 150, new SourceSpan(0, 100),
                List.of("beat"), coldOpen, new Hook("What waits beneath the sea?", HookKind.QUESTION), "",
                new CutScore(0.8, 0.1, 0.7, List.of("question mark")));
    }

    static final class BibleBuilder {
        private int seconds = 60;
        private final List<Character> cast = new ArrayList<>(List.of(TARO, PRINCESS, TURTLE, NARRATOR));

        /** The narrator speaks at this many words a minute. */
        BibleBuilder narratorPace(int wordsPerMinute) {
            cast.replaceAll(c -> c.role() == Character.Role.NARRATOR
                    ? new Character(c.name(), c.aliases(), c.role(), c.look(), new VoiceSpec(c.voice().voice(), c.voice().pitch(), wordsPerMinute))
                    : c);
            return this;
        }

        BibleBuilder episodeSeconds(int s) {
            seconds = s;
            return this;
        }

        Bible build() {
            return new Bible("urashima", "Urashima Taro", "A fisherman visits the sea palace.", "en", "fairy tale",
                    new ArtStyle("ghibli-watercolor", "soft light, painterly clouds"), cast,
                    List.of(new Place("Beach", "exterior", "a quiet fishing beach with pine trees"),
                            new Place("Sea Palace", "interior", "a coral palace under the sea")),
                    seconds, new DropSchedule(LocalTime.of(18, 0), ZoneId.of("Asia/Tokyo")),
                    new Monetization(5, 60),
                    new Routing("offline", null, null, null, "animatic", "offline", 10, "USD"));
        }
    }

    static final class ScriptBuilder {
        private final List<ScriptScene> scenes = new ArrayList<>();
        private String place;
        private String time;
        private List<Line> lines;
        private Hook hook = new Hook("What waits beneath the sea?", HookKind.QUESTION);
        private int episode = 1;

        ScriptBuilder episode(int n) {
            episode = n;
            return this;
        }

        ScriptBuilder scene(String place, String timeOfDay) {
            flush();
            this.place = place;
            this.time = timeOfDay;
            this.lines = new ArrayList<>();
            return this;
        }

        ScriptBuilder narration(String text, double seconds) {
            lines.add(new Line(LineKind.NARRATION, "Narrator", text, seconds));
            return this;
        }

        ScriptBuilder narration(String text) {
            return narration(text, ShotTiming.estimate(text));
        }

        ScriptBuilder action(String text, double seconds) {
            lines.add(new Line(LineKind.ACTION, null, text, seconds));
            return this;
        }

        ScriptBuilder says(String speaker, String text) {
            lines.add(new Line(LineKind.DIALOGUE, speaker, text, ShotTiming.estimate(text)));
            return this;
        }

        ScriptBuilder says(String speaker, String text, double seconds) {
            lines.add(new Line(LineKind.DIALOGUE, speaker, text, seconds));
            return this;
        }

        /** Ends the script on this line and makes it the hook. */
        ScriptBuilder hook(String speaker, String text, HookKind kind) {
            lines.add(new Line(speaker == null ? LineKind.NARRATION : LineKind.DIALOGUE,
                    speaker == null ? "Narrator" : speaker, text, ShotTiming.estimate(text)));
            hook = new Hook(text, kind);
            return this;
        }

        Script build() {
            flush();
            double total = scenes.stream().flatMap(s -> s.lines().stream()).mapToDouble(Line::seconds).sum();
            return new Script(episode, "The Turtle", total, scenes, hook);
        }

        private void flush() {
            if (lines != null) {
                scenes.add(new ScriptScene(place, time, lines));
                lines = null;
            }
        }
    }

    /** A two-scene episode of about a minute, the kind the offline writer produces. */
    static Script urashimaEpisode() {
        return aScript()
                .scene("Beach", "day")
                .narration("Long, long ago, in the province of Tango, there lived a young fisherman named Urashima Taro.")
                .action("Children gather on the sand around something green.", 3)
                .narration("One day, walking home along the shore, he saw a group of boys tormenting a small turtle.")
                .says("Taro", "Stop that at once! Leave the poor creature alone.")
                .says("Turtle", "Thank you, kind sir. I shall not forget this.")
                .says("Taro", "Go back to the sea, little one, and be careful.")
                .narration("Taro laughed and set the turtle gently into the waves.")
                .scene("Sea Palace", "night")
                .narration("Days later the turtle returned and carried Taro down beneath the waves to a palace of coral.")
                .says("Otohime", "Welcome, Urashima. I am the Princess of the Sea, and you saved my life.")
                .says("Taro", "You were the turtle? I am amazed!")
                .narration("The Princess smiled and the fish danced in the great hall.")
                .says("Otohime", "Stay with me here, and you will never grow old.")
                .hook("Taro", "But what is inside the box you will not let me open?", HookKind.QUESTION)
                .build();
    }
}
