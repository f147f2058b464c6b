package dev.tsuzuku.story;

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

/** Small builders for the records the writers read and write: a tale of Urashima Taro. */
final class WritingFixtures {
    static final String HOOK = "Whatever you do, never open this box.";

    private WritingFixtures() {}

    static BibleBuilder aBible() {
        return new BibleBuilder();
    }

    static PlanBuilder aPlan() {
        return new PlanBuilder();
    }

    static ScriptBuilder aScript() {
        return new ScriptBuilder();
    }

    static Line action(String text, double seconds) {
        return new Line(LineKind.ACTION, null, text, seconds);
    }

    static Line says(String speaker, String text, double seconds) {
        return new Line(LineKind.DIALOGUE, speaker, text, seconds);
    }

    static Line narration(String speaker, String text, double seconds) {
        return new Line(LineKind.NARRATION, speaker, text, seconds);
    }

    static Character character(String name, Character.Role role, String... aliases) {
        return new Character(name, List.of(aliases), role,
                new Look("black", "brown", "fisherman's kimono", "tan", "slim"),
                new VoiceSpec("en-us+m3", 45, 165));
    }

    static final class BibleBuilder {
        private final List<Character> cast = new ArrayList<>(List.of(
                character("Urashima Taro", Character.Role.LEAD, "Taro", "Urashima"),
                character("Otohime", Character.Role.SUPPORTING, "the Princess"),
                character("Narrator", Character.Role.NARRATOR)));
        private final List<Place> places = new ArrayList<>(List.of(
                new Place("the sea shore", "exterior", "a fishing village beach"),
                new Place("the Dragon Palace", "interior", "a hall of coral under the sea")));
        private int episodeSeconds = 150;
        private Routing routing = new Routing("llm", "http://localhost:11434/v1", "qwen2.5",
                "TSUZUKU_LLM_API_KEY", "animatic", "offline", 20.0, "USD");

        BibleBuilder episodeSeconds(int seconds) {
            this.episodeSeconds = seconds;
            return this;
        }

        BibleBuilder routing(Routing routing) {
            this.routing = routing;
            return this;
        }

        BibleBuilder place(String name, String kind) {
            places.add(new Place(name, kind, ""));
            return this;
        }

        BibleBuilder castMember(Character c) {
            cast.add(c);
            return this;
        }

        Bible build() {
            return new Bible("urashima", "Urashima Taro", "A fisherman saves a turtle and loses a lifetime.",
                    "en", "fairy tale", new ArtStyle("ghibli-watercolor", "soft sea light"), cast, places,
                    episodeSeconds, new DropSchedule(LocalTime.of(18, 0), ZoneId.of("Asia/Tokyo")),
                    new Monetization(5, 60), routing);
        }
    }

    static final class PlanBuilder {
        private int number = 4;
        private String title = "The Box of Jewels";
        private Hook hook = new Hook(HOOK, HookKind.THREAT);
        private SourceSpan span = new SourceSpan(0, 0);

        PlanBuilder number(int number) {
            this.number = number;
            return this;
        }

        PlanBuilder title(String title) {
            this.title = title;
            return this;
        }

        PlanBuilder span(SourceSpan span) {
            this.span = span;
            return this;
        }

        EpisodePlan build() {
            return new EpisodePlan(number, title,
                    "Taro longs for home. The Princess lets him go with a gift and a warning.",
                    150, span, List.of("Taro dreams of his parents", "He asks to leave",
                            "Otohime weeps", "She gives him the box", "The warning"),
                    "Three years have passed like three days.", hook,
                    "Taro was welcomed at the Dragon Palace.", new CutScore(0.8, 0.1, 0.7, List.of("threat word: never")));
        }
    }

    /** A valid 150 s script by default: two scenes, ending on the hook. */
    static final class ScriptBuilder {
        private int episode = 4;
        private String title = "The Box of Jewels";
        private Double estimated;
        private final List<ScriptScene> scenes = new ArrayList<>();
        private Hook hook = new Hook(HOOK, HookKind.THREAT);

        ScriptBuilder() {
            scenes.add(new ScriptScene("the Dragon Palace", "night", List.of(
                    action("Lanterns of coral glow over a sleeping hall.", 40.0),
                    narration("Narrator", "Three years passed like three days.", 30.0),
                    says("Urashima Taro", "I must see my parents again.", 20.0))));
            scenes.add(new ScriptScene("the sea shore", "dawn", List.of(
                    says("Otohime", "Take this box with you.", 30.0),
                    says("Otohime", HOOK, 30.0))));
        }

        ScriptBuilder episode(int episode) {
            this.episode = episode;
            return this;
        }

        ScriptBuilder title(String title) {
            this.title = title;
            return this;
        }

        ScriptBuilder estimatedSeconds(double seconds) {
            this.estimated = seconds;
            return this;
        }

        ScriptBuilder hook(Hook hook) {
            this.hook = hook;
            return this;
        }

        ScriptBuilder noScenes() {
            scenes.clear();
            return this;
        }

        ScriptBuilder scene(String place, String timeOfDay, Line... lines) {
            scenes.add(new ScriptScene(place, timeOfDay, List.of(lines)));
            return this;
        }

        /** Replaces line {@code line} (1-based) of scene {@code scene} (1-based). */
        ScriptBuilder line(int scene, int line, Line replacement) {
            ScriptScene s = scenes.get(scene - 1);
            List<Line> lines = new ArrayList<>(s.lines());
            lines.set(line - 1, replacement);
            scenes.set(scene - 1, new ScriptScene(s.place(), s.timeOfDay(), lines));
            return this;
        }

        Script build() {
            double sum = scenes.stream().flatMap(s -> s.lines().stream()).mapToDouble(Line::seconds).sum();
            return new Script(episode, title, estimated == null ? sum : estimated, scenes, hook);
        }
    }
}
