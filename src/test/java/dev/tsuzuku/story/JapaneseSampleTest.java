package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.board.VoiceCoverage;
import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled Japanese sample (Aozora notation, 「」 dialogue) through plan, write and board. */
class JapaneseSampleTest {
    private static Source book;
    private static Bible bible;
    private static Season season;

    @BeforeAll
    static void plan() {
        book = Ingest.read(Path.of("samples/suzu-no-oto.txt"));
        bible = BibleDrafter.draft(book, null);
        season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());
    }

    private static List<Line> lines(EpisodePlan e) {
        Script s = new OfflineWriter().write(new WriteRequest(bible, book, season, e));
        return s.scenes().stream().flatMap(sc -> sc.lines().stream()).toList();
    }

    @Test
    void screen_time_is_counted_in_characters_so_episodes_stay_in_the_formats_range() {
        for (EpisodePlan e : season.episodes()) {
            Storyboard sb = new Storyboarder().board(new OfflineWriter().write(new WriteRequest(bible, book, season, e)),
                    bible, e, null);
            double seconds = sb.totalFrames() / (double) sb.fps();
            assertThat(seconds).as("episode %d", e.number()).isBetween(60.0, 300.0);
            assertThat(VoiceCoverage.of(sb).share()).as("voice share of %d", e.number()).isGreaterThanOrEqualTo(0.85);
        }
        // a line of 20 characters is about three seconds, not the 0.8 s of "one word"
        assertThat(ScreenTime.line(LineKind.DIALOGUE, "それは山の神様の鈴じゃ。むやみに鳴らしてはならぬ。")).isBetween(3.0, 5.0);
    }

    @Test
    void scenes_stand_in_the_books_own_places_and_times() {
        List<dev.tsuzuku.model.ScriptScene> scenes = season.episodes().stream()
                .flatMap(e -> new OfflineWriter().write(new WriteRequest(bible, book, season, e)).scenes().stream()).toList();

        assertThat(scenes).extracting(dev.tsuzuku.model.ScriptScene::place)
                .contains("山寺", "祠").doesNotContain("Unknown place", "", null);
        assertThat(scenes.get(0).place()).isEqualTo("山寺");
        // 「…村の誰かが…」 is said at the temple: a place named in speech does not move the scene
        assertThat(scenes).filteredOn(sc -> sc.lines().stream().anyMatch(l -> l.text().startsWith("鈴が鳴るたびに")))
                .extracting(dev.tsuzuku.model.ScriptScene::place).containsOnly("山寺");
        // その夜、鈴はひとりでに鳴り出した: the bell rings at night
        assertThat(scenes).extracting(dev.tsuzuku.model.ScriptScene::timeOfDay).contains("day", "night");
        assertThat(OfflineWriter.timeCue("夜明け前に出発した。")).isEqualTo("dawn");
        assertThat(OfflineWriter.timeCue("ある秋の朝、太郎は鈴を拾いました。")).isEqualTo("day");
        assertThat(OfflineWriter.timeCue("傍晚，他回到了村子。")).isEqualTo("dusk");
        assertThat(OfflineWriter.timeCue("太郎は鈴を拾いました。")).isNull();
    }

    @Test
    void the_screenplays_title_page_numbers_the_episode_in_japanese() {
        Script first = new OfflineWriter().write(new WriteRequest(bible, book, season, season.episodes().get(0)));

        String fountain = FountainWriter.render(first, bible);

        assertThat(fountain).contains("\n    第1話\u3000" + first.title() + "\n").doesNotContain("Episode ");
    }

    @Test
    void quoted_speech_is_spoken_by_the_characters_the_tags_name() {
        List<Line> all = season.episodes().stream().flatMap(e -> lines(e).stream()).toList();

        assertThat(all).filteredOn(l -> l.kind() == LineKind.DIALOGUE).extracting(Line::speaker)
                .contains("太郎", "花子", "和尚", "権三");
        assertThat(all).filteredOn(l -> l.text().startsWith("それは山の神様の鈴じゃ")).extracting(Line::speaker)
                .containsOnly("和尚");
        assertThat(all).filteredOn(l -> l.text().startsWith("私も一緒に参ります")).extracting(Line::speaker)
                .containsOnly("花子");
        // a line that calls 和尚 by name is said to him, not by him
        assertThat(all).filteredOn(l -> l.text().startsWith("和尚様、こんな鈴")).extracting(Line::speaker)
                .doesNotContain("和尚");
        // no quote brackets, speech tags or spaces between Japanese sentences in a line
        assertThat(all).extracting(Line::text).noneMatch(t -> t.contains("「") || t.contains("」") || t.startsWith("と")
                || t.contains("。 "));
    }

    @Test
    void untagged_replies_go_to_the_one_the_narration_is_about_not_to_the_nearest_name() {
        List<Line> all = season.episodes().stream().flatMap(e -> lines(e).stream()).toList();

        // each line of a Japanese text is a paragraph: a reply answers the line before it
        assertThat(speakerOf(all, "鳴らすと、どうなるのですか")).isEqualTo("太郎");
        // わしは山賊の権三だ: one who names themself is speaking, and is not merged into the line before
        assertThat(speakerOf(all, "わしは山賊の権三だ")).isEqualTo("権三");
        assertThat(all).filteredOn(l -> l.text().startsWith("あなたは誰ですか")).extracting(Line::text)
                .noneMatch(t -> t.contains("権三"));
        // 太郎は鈴を強く握りしめ、花子の前に立ちました。「この鈴は…」: 太郎 is the subject, 花子 only named
        assertThat(speakerOf(all, "この鈴は売り物ではありません")).isEqualTo("太郎");
        // 権三は…逃げて行きました。「太郎くん、今のは……。」: not 権三 (gone), not 太郎 (spoken to)
        assertThat(speakerOf(all, "太郎くん、今のは")).isEqualTo("花子");
        // her next line, with nothing between, is hers too: 今のは…… trails off
        assertThat(all).filteredOn(l -> l.text().contains("鈴が、私たちを守ってくれた")).extracting(Line::speaker)
                .containsOnly("花子");
        // the woman before the shrine speaks first and names herself two lines later: she is 鈴守
        assertThat(speakerOf(all, "よく来ましたね、太郎")).isEqualTo("鈴守様");
        assertThat(speakerOf(all, "あなたが、山の神様ですか")).isEqualTo("太郎");
        // the tall man of the fog is 権三, who names himself (わしは山賊の権三だ)
        assertThat(speakerOf(all, "その鈴を渡してもらおう")).isEqualTo("権三");
        // 「太郎さん、ありがとう。」と花子が言いました。「お礼なら、…」: the one she thanked answers
        assertThat(speakerOf(all, "お礼なら")).isEqualTo("太郎");
    }

    @Test
    void titles_and_the_logline_are_japanese_from_the_story_not_an_index() {
        assertThat(season.episodes().get(0).title()).isEqualTo("太郎と銀の鈴");
        // the cold open flashes forward to the peak (Japanese has no capitals to look for), not the first line
        assertThat(season.episodes().get(0).coldOpen()).isEqualTo("権三殿は刀を失った。");
        assertThat(season.episodes()).extracting(EpisodePlan::title).noneMatch(t -> t.contains("Episode") || t.contains(":")
                || t.matches(".*[A-Za-z].*"));
        assertThat(bible.logline()).startsWith("昔、山の奥に古い山寺がありました。").endsWith("主な登場人物は太郎、花子、和尚。")
                .doesNotContain("…", "Featuring");
    }

    private static String speakerOf(List<Line> all, String start) {
        return all.stream().filter(l -> l.text().startsWith(start)).map(Line::speaker).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with " + start));
    }
}
