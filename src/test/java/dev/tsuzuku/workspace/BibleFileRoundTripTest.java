package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.VoiceSpec;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever valid bible the studio writes, the showrunner's file reads back as the same bible. */
class BibleFileRoundTripTest {

    @Property(tries = 100)
    void a_rendered_bible_loads_back_equal(@ForAll("bibles") Bible bible) {
        assertThat(BibleFile.parse("series.yaml", BibleFile.render(bible))).isEqualTo(bible);
    }

    @Property(tries = 100)
    void any_text_survives_as_a_yaml_scalar(@ForAll("text") String text) {
        Bible b = BibleFile.draft("x", "T", "en", List.of(new Character("A", List.of(), Character.Role.LEAD,
                BibleFile.DEFAULT_LOOK, BibleFile.DEFAULT_VOICE)));
        Bible withText = new Bible(b.id(), b.title(), text, b.language(), text, new ArtStyle("noir-ink", text), b.cast(),
                List.of(new Place("P", "interior", text)), b.episodeSeconds(), b.schedule(), b.monetization(), b.routing());
        assertThat(BibleFile.parse("series.yaml", BibleFile.render(withText))).isEqualTo(withText);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(" :#'\"\\,[]{}-?&*!|>%@`.~\n\t\r/+()_=éü浦島太郎\u2028\u0085\u00a0\u0001\u007f")
                .ofMaxLength(24);
    }

    Arbitrary<String> nonBlank() {
        return text().filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<Bible> bibles() {
        Arbitrary<String> slug = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts));
        Arbitrary<String> language = Arbitraries.of("en", "ja", "pt-BR", "zh-Hans", "fr");
        Arbitrary<ArtStyle> style = Combinators.combine(Arbitraries.of(ArtStylePresets.names()), text()).as(ArtStyle::new);
        Arbitrary<List<Character>> cast = character().list().ofMinSize(1).ofMaxSize(4).filter(BibleFileRoundTripTest::uniqueNames);
        Arbitrary<List<Place>> places = Combinators.combine(nonBlank(), Arbitraries.of("interior", "exterior"), text())
                .as(Place::new).list().ofMaxSize(3)
                .filter(ps -> ps.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).distinct().count() == ps.size());
        Arbitrary<DropSchedule> schedule = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59), Arbitraries.of("UTC", "Asia/Tokyo", "Europe/Paris", "America/New_York", "+09:00"))
                .as((h, m, z) -> new DropSchedule(LocalTime.of(h, m), ZoneId.of(z)));
        Arbitrary<Monetization> money = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 100_000)).as(Monetization::new);
        Arbitrary<Routing> routing = Combinators.combine(Arbitraries.of(BibleSchema.WRITERS),
                Arbitraries.of("http://localhost:11434/v1", "https://api.openai.com/v1", "http://10.0.0.2:8000/v1?x=1"),
                text(), Arbitraries.of("TSUZUKU_LLM_API_KEY", "OPENAI_API_KEY", "k"), Arbitraries.of(BibleSchema.VIDEO_PROVIDERS),
                Arbitraries.of(BibleSchema.VOICE_PROVIDERS), Arbitraries.doubles().between(0, 1_000_000),
                Arbitraries.of("USD", "EUR", "JPY", "CNY"))
                .as(Routing::new);
        // the LLM timeout and deadline are optional: absent (null) or set, the deadline never below the timeout
        Arbitrary<Integer> timeout = Arbitraries.integers().between(5, 3_600).injectNull(0.5);
        Arbitrary<Integer> extra = Arbitraries.integers().between(0, 80_000).injectNull(0.5);
        Arbitrary<Integer> context = Arbitraries.integers().between(1024, 10_000_000).injectNull(0.5);
        routing = Combinators.combine(routing, timeout, extra, context).as((r, t, x, c) -> new Routing(r.writer(), r.llmBaseUrl(),
                r.llmModel(), r.llmApiKeyEnv(), r.video(), r.voice(), r.budgetPerEpisode(), r.currency(), t,
                x == null ? null : Math.max(5, (t == null ? 0 : t) + x), c));
        Arbitrary<String[]> texts = Combinators.combine(slug, nonBlank(), text(), language, text())
                .as((id, title, logline, lang, genre) -> new String[] {id, title, logline, lang, genre});
        return Combinators.combine(texts, style, cast, places, Arbitraries.integers().between(60, 300), schedule, money, routing)
                .as((t, st, c, p, secs, sch, m, r) -> new Bible(t[0], t[1], t[2], t[3], t[4], st, c, p, secs, sch, m, r));
    }

    private Arbitrary<Character> character() {
        Arbitrary<String> colour = Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(Colors.names().keySet())),
                Arbitraries.of("dark blue", "pale pink", "#a1b2c3", "#FFFFFF"));
        Arbitrary<Look> look = Combinators.combine(colour, colour, colour, colour, text()).as(Look::new);
        // voice ids are checked against espeak-ng's list, so only known ones round-trip
        Arbitrary<String> voiceId = Combinators.combine(Arbitraries.of(VoiceIds.languages()),
                Arbitraries.of(VoiceIds.variants()).injectNull(0.5)).as((l, v) -> v == null ? l : l + "+" + v);
        Arbitrary<VoiceSpec> voice = Combinators.combine(voiceId, Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(80, 400)).as(VoiceSpec::new);
        return Combinators.combine(nonBlank(), nonBlank().list().ofMaxSize(3), Arbitraries.of(Character.Role.class), look, voice)
                .as(Character::new);
    }

    private static boolean uniqueNames(List<Character> cast) {
        Set<String> seen = new HashSet<>();
        for (Character c : cast) {
            Set<String> own = new HashSet<>();
            own.add(c.name().toLowerCase(Locale.ROOT));
            c.aliases().forEach(a -> own.add(a.toLowerCase(Locale.ROOT)));
            for (String n : own) {
                if (!seen.add(n)) {
                    return false;
                }
            }
        }
        return true;
    }
}
