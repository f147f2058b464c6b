package dev.tsuzuku.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.workspace.BibleFile;
import org.junit.jupiter.api.Test;

/** The setting is drafted from what the book mentions, kept in series.yaml, and handed to picture prompts. */
class SettingDrafterTest {
    static final String VICTORIAN_LONDON = """
            CHAPTER I

            It was a foggy November evening in 1889 when Mr. Arthur Pell stepped down from the hansom in
            Baker Street. The gaslight hissed above the door of his lodgings, and the landlady, Mrs. Hale,
            had left a telegram on the hall table.

            "From my brother in Paris," said Mr. Pell, and read it by the candle. "He sails on the steamer
            tomorrow. London will be a livelier place by Christmas."

            Miss Hale brought the tea into the parlour. The railway had been late all week, and the servants
            talked of nothing but the fog that lay on London like a wet grey cloak.

            CHAPTER II

            In the spring of 1889 the family took a carriage to the cathedral, where Sir George Lane, the
            solicitor, waited with the papers. London was bright again, and England seemed at peace.
            """;

    static final String FEUDAL_JAPAN = """
            THE RONIN OF THE MOUNTAIN PASS

            Long ago, in the days when the shogun ruled Japan from Yedo, a ronin named Kageyama walked the
            mountain road towards Kyoto. His kimono was faded and his katana was old, but no samurai of the
            daimyo's court had ever bested him.

            At the village below the pass the farmers were planting rice. The headman bowed low before the
            samurai and begged him to stay at the shrine, for bandits came down from the hills at night.

            "I will stay," said Kageyama, "and the daimyo shall hear of your courage."

            The villagers brought sake and rice cakes to the shrine, and the old priest prayed to the Buddha
            for the warrior of Japan who had come to save them.
            """;

    @Test
    void a_story_set_in_victorian_london_is_western_period_1880s_london() {
        Setting s = SettingDrafter.draft(VICTORIAN_LONDON);
        assertThat(s.era()).isEqualTo("western-period");
        assertThat(s.period()).isEqualTo("1880s");
        assertThat(s.region()).startsWith("London");
        assertThat(s.world()).contains("gentlefolk");
        assertThat(s.promptFragment()).contains("1880s London").contains("western period architecture, costume and props");
    }

    @Test
    void a_story_set_in_feudal_japan_is_japanese_period_feudal_era_japan() {
        Setting s = SettingDrafter.draft(FEUDAL_JAPAN);
        assertThat(s.era()).isEqualTo("japanese-period");
        assertThat(s.period()).isEqualTo("feudal era");
        assertThat(s.region()).contains("Japan");
        assertThat(s.world()).contains("village farmers");
        assertThat(s.promptFragment()).startsWith("Setting: feudal era Japan")
                .contains("Japanese period architecture, costume and props");
    }

    @Test
    void a_text_that_says_nothing_of_its_time_has_no_setting_and_no_prompt_fragment() {
        Setting s = SettingDrafter.draft("She walked. He waited. They spoke of the weather and went home.");
        assertThat(s).isEqualTo(Setting.UNSPECIFIED);
        assertThat(s.promptFragment()).isEmpty();
    }

    @Test
    void the_drafted_bible_carries_the_setting_and_series_yaml_keeps_an_edit() {
        Bible drafted = BibleDrafter.draft(Ingest.parse("ronin.txt", FEUDAL_JAPAN.repeat(5)), null);
        assertThat(drafted.setting().era()).isEqualTo("japanese-period");

        String yaml = BibleFile.render(drafted);
        assertThat(BibleFile.parse("series.yaml", yaml)).isEqualTo(drafted);

        String edited = yaml.replace("era: japanese-period", "era: modern").replace("period: feudal era", "period: 2020s");
        Bible loaded = BibleFile.parse("series.yaml", edited);
        assertThat(loaded.setting().era()).isEqualTo("modern");
        assertThat(loaded.setting().promptFragment()).contains("2020s").contains("present-day architecture");
    }

    @Test
    void an_unknown_era_is_bad_input_naming_the_line_and_the_choices() {
        String yaml = BibleFile.render(BibleDrafter.draft(Ingest.parse("ronin.txt", FEUDAL_JAPAN.repeat(5)), null))
                .replace("era: japanese-period", "era: steampunk");
        int line = yaml.substring(0, yaml.indexOf("era: steampunk")).split("\n", -1).length;
        assertThatThrownBy(() -> BibleFile.parse("series.yaml", yaml)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("series.yaml:" + line).hasMessageContaining("steampunk")
                .hasMessageContaining("japanese-period");
    }

    @Test
    void a_bible_without_a_setting_section_still_loads_as_unspecified() {
        String yaml = BibleFile.render(BibleDrafter.draft(Ingest.parse("ronin.txt", FEUDAL_JAPAN.repeat(5)), null));
        String without = yaml.replaceAll("(?s)\\n# Where and when.*?\\n(?=\\n# The cast)", "\n");
        assertThat(without).doesNotContain("setting:");
        assertThat(BibleFile.parse("series.yaml", without).setting()).isEqualTo(Setting.UNSPECIFIED);
    }
}
