package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.plan.TestBibles;
import dev.tsuzuku.plan.TestSources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small Japanese texts, one rule of who says an untagged 「」 line each. */
class JapaneseTurnsTest {
    private final Bible bible = TestBibles.aBible().with("太郎", Character.Role.LEAD)
            .with("花子", Character.Role.LEAD).with("鈴守様", Character.Role.SUPPORTING).episodeSeconds(60).build();

    private List<Line> dialogue(String... paragraphs) {
        Source source = TestSources.aSource().chapter("第一章　山", List.of(paragraphs)).build();
        EpisodePlan plan = new EpisodePlan(1, "山", "", 60, new SourceSpan(0, source.text().length()), List.of("beat"),
                "", new Hook("ちりん。", HookKind.TURN), null, new CutScore(1, 0, 1, List.of()));
        return new OfflineWriter().write(new WriteRequest(bible, source, new Season(bible.id(), List.of(plan)), plan))
                .scenes().stream().flatMap(s -> s.lines().stream()).filter(l -> l.kind() == LineKind.DIALOGUE).toList();
    }

    private static String speakerOf(List<Line> lines, String start) {
        return lines.stream().filter(l -> l.text().contains(start)).map(Line::speaker).findFirst().orElse("(narration)");
    }

    @Test
    void a_line_that_trails_off_is_continued_by_its_speaker_not_by_the_one_it_calls() {
        List<Line> lines = dialogue(
                "　山道で、花子は太郎の前に立ちました。",
                "「太郎くん、今のは……。」",
                "「鈴が、私たちを守ってくれたのでしょうか。」",
                "　風が森を吹き抜けました。");

        assertThat(speakerOf(lines, "今のは")).isEqualTo("花子");
        assertThat(speakerOf(lines, "守ってくれた")).isEqualTo("花子");
    }

    @Test
    void the_one_a_line_calls_by_name_answers_it() {
        List<Line> lines = dialogue(
                "　村に戻ると、井戸には水があふれておりました。",
                "「太郎さん、ありがとう。」と花子が言いました。",
                "「お礼なら、鈴守様に言っておくれ。」",
                "　二人は山を見上げました。");

        assertThat(speakerOf(lines, "お礼なら")).isEqualTo("太郎");
    }

    @Test
    void with_nobody_else_in_the_exchange_the_speaker_keeps_the_floor_unless_they_asked() {
        List<Line> kept = dialogue(
                "　太郎は一人で山道を登りました。",
                "「もうすぐ頂だ。」",
                "「日が暮れる前に着かなければ。」");
        assertThat(speakerOf(kept, "日が暮れる")).isEqualTo("太郎");
    }

    @Test
    void an_unnamed_woman_of_the_narration_speaks_and_is_the_one_who_names_herself_later() {
        List<Line> lines = dialogue(
                "　祠の前には、白い着物の女の人が立っておりました。長い髪は雪のように白く見えました。",
                "「よく来ましたね、太郎。」",
                "「あなたが、山の神様ですか。」",
                "「私はこの山の鈴守。鈴は百年に一度、心の正しい者の手に渡るのです。」",
                "　太郎は鈴を差し出しました。");

        assertThat(speakerOf(lines, "よく来ましたね")).isEqualTo("鈴守様");
        assertThat(speakerOf(lines, "山の神様ですか")).isEqualTo("太郎");
        assertThat(speakerOf(lines, "私はこの山の鈴守")).isEqualTo("鈴守様");
    }

    @Test
    void an_unnamed_man_nobody_names_is_read_by_the_narrator_not_given_to_someone_else() {
        List<Line> lines = dialogue(
                "　霧の中から、背の高い男が現れました。男は黒い笠をかぶっておりました。",
                "「その鈴を渡してもらおう。」",
                "　太郎は鈴を握りしめました。");

        assertThat(speakerOf(lines, "渡してもらおう")).isEqualTo("(narration)");
        assertThat(OfflineWriter.stranger("霧の中から、背の高い男が現れました。男は黒い笠をかぶっておりました。")).isEqualTo("男");
        assertThat(OfflineWriter.stranger("太郎は山道を登りました。")).isNull();
    }
}
