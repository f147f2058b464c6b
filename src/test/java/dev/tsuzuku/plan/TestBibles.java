package dev.tsuzuku.plan;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.VoiceSpec;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builder for bibles in tests: a valid bible by default, change only what a test is about. */
public final class TestBibles {
    private int episodeSeconds = 150;
    private final List<Character> cast = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private String writer = "offline";

    private TestBibles() {
        cast.add(character("Narrator", Character.Role.NARRATOR));
    }

    public static TestBibles aBible() {
        return new TestBibles();
    }

    /** The cast and places of the sample book's first tales. */
    public static TestBibles fairyTales() {
        return aBible()
                .with("Hidesato", Character.Role.LEAD, "Fujiwara no Hidesato", "Tawara Toda", "My Lord Bag of Rice")
                .with("Dragon King", Character.Role.SUPPORTING, "Dragon")
                .with("Old Man", Character.Role.SUPPORTING, "old man")
                .with("Old Woman", Character.Role.SUPPORTING, "old woman", "wife")
                .with("Sparrow", Character.Role.SUPPORTING, "sparrow")
                .with("Urashima", Character.Role.LEAD, "Urashima Taro")
                .with("Princess", Character.Role.SUPPORTING, "Princess", "Otohime")
                .with("Turtle", Character.Role.SUPPORTING, "tortoise", "turtle")
                .place("Bridge", "exterior")
                .place("Lake Biwa", "exterior")
                .place("Palace", "interior")
                .place("Sea", "exterior");
    }

    public TestBibles with(String name, Character.Role role, String... aliases) {
        cast.add(new Character(name, List.of(aliases), role,
                new Look("black", "brown", "kimono", "light", "slim"), new VoiceSpec("en-us", 50, 160)));
        return this;
    }

    public TestBibles place(String name, String kind) {
        places.add(new Place(name, kind, name + " of the tale"));
        return this;
    }

    public TestBibles episodeSeconds(int seconds) {
        this.episodeSeconds = seconds;
        return this;
    }

    public TestBibles writer(String writer) {
        this.writer = writer;
        return this;
    }

    public Bible build() {
        return new Bible("fairy-tales", "Japanese Fairy Tales", "Old tales, new nights.", "en", "fantasy",
                new ArtStyle("ghibli-watercolor", ""), cast, places, episodeSeconds,
                new DropSchedule(LocalTime.of(19, 0), ZoneId.of("UTC")), new Monetization(5, 60),
                new Routing(writer, null, null, null, "animatic", "offline", 1.0, "USD"));
    }

    private static Character character(String name, Character.Role role) {
        return new Character(name, List.of(), role, new Look("none", "none", "none", "none", "none"),
                new VoiceSpec("en-us", 40, 150));
    }
}
