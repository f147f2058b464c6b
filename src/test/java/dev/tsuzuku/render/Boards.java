package dev.tsuzuku.render;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: a small Momotaro bible and builders for storyboards and shots. */
final class Boards {
    private Boards() {}

    static Character character(String name, Look look) {
        return new Character(name, List.of(), Character.Role.SUPPORTING, look, new VoiceSpec("en-us", 50, 160));
    }

    static Bible momotaro() {
        return new Bible("momotaro", "The Peach Boy", "A boy born from a peach sails to Ogre Island.", "en", "fairy tale",
                new ArtStyle("anime", "clean lines, cel shading"),
                List.of(
                        new Character("Momotaro", List.of("Peach Boy"), Character.Role.LEAD,
                                new Look("black", "brown", "crimson", "fair", "young boy, ponytail"), new VoiceSpec("en-us", 50, 160)),
                        character("Old Woman", new Look("silver", "brown", "indigo", "fair", "old woman, bun")),
                        character("Old Man", new Look("white", "brown", "olive", "tan", "old man, bald, beard, straw hat")),
                        character("Dog", new Look("tan", "brown", "blue", null, "a loyal dog")),
                        character("Monkey", new Look("brown", "amber", "green", null, "monkey")),
                        character("Pheasant", new Look("emerald", "gold", "red", null, "pheasant"))),
                List.of(new Place("Riverbank", "exterior", "a river under the mountains"),
                        new Place("Cottage", "interior", "the old couple's house"),
                        new Place("Ogre Island", "exterior", "a rocky island in the sea")),
                150, null, null, null);
    }

    static ShotBuilder shot(int index) {
        return new ShotBuilder(index);
    }

    static Storyboard board(Shot... shots) {
        return new Storyboard(1, 30, 1080, 1920, "adventure", "つづく — To be continued\nNext episode: Thu 18:00 JST", List.of(shots));
    }

    static final class ShotBuilder {
        private final int index;
        private ShotKind kind = ShotKind.STORY;
        private int frames = 90;
        private Framing framing = Framing.MEDIUM;
        private CameraMove camera = CameraMove.STATIC;
        private String place = "Riverbank";
        private String time = "day";
        private final List<ShotCast> cast = new ArrayList<>();
        private String action = "";
        private final List<ShotLine> lines = new ArrayList<>();

        ShotBuilder(int index) {
            this.index = index;
        }

        ShotBuilder kind(ShotKind k) {
            kind = k;
            return this;
        }

        ShotBuilder frames(int n) {
            frames = n;
            return this;
        }

        ShotBuilder framing(Framing f) {
            framing = f;
            return this;
        }

        ShotBuilder camera(CameraMove c) {
            camera = c;
            return this;
        }

        ShotBuilder at(String place, String time) {
            this.place = place;
            this.time = time;
            return this;
        }

        ShotBuilder with(String name, String expression, String position) {
            cast.add(new ShotCast(name, expression, position));
            return this;
        }

        ShotBuilder action(String a) {
            action = a;
            return this;
        }

        ShotBuilder line(String speaker, String text, int start, int end) {
            lines.add(new ShotLine(speaker, text, start, end));
            return this;
        }

        Shot build() {
            return new Shot(index, kind, frames, framing, camera, place, time, cast, action, lines, List.of(), "prompt");
        }
    }
}
