package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Look;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CharacterModelTest {
    private static final ArtStyle ANIME = new ArtStyle("anime", "");

    private static CharacterModel model(String name, Look look) {
        return CharacterModel.of(Boards.character(name, look), ANIME);
    }

    @Test
    void the_palette_comes_from_the_look_words_and_is_the_same_every_time() {
        Look look = new Look("long glossy black", "dark blue", "crimson", "fair", "girl, long hair");
        Palette a = model("Kaguya", look).palette();
        Palette b = model("Kaguya", look).palette();
        assertThat(a).isEqualTo(b);
        assertThat(a.hair()).isEqualTo(0x1b1b1f);
        assertThat(a.outfit()).isEqualTo(0xb4143c);
        assertThat(a.eyes()).isEqualTo(dev.tsuzuku.model.Colors.rgb("dark blue").orElseThrow());
        assertThat(a.hairShadow()).isNotEqualTo(a.hair());
        assertThat(a.swatches()).extracting(Palette.Swatch::role).contains("hair", "eyes", "outfit", "skin");
        assertThat(a.swatches().get(0).name()).isEqualTo("black");
    }

    @Test
    void unknown_colour_words_fall_back_deterministically() {
        Palette a = model("Nameless", new Look("moonlit", null, null, null, null)).palette();
        Palette b = model("Nameless", new Look("moonlit", null, null, null, null)).palette();
        assertThat(a).isEqualTo(b);
        assertThat(a.swatches().get(0).name()).startsWith("#");
    }

    @Test
    void silhouette_words_choose_body_hair_and_headwear() {
        CharacterModel.Traits oldMan = model("Grandfather", new Look("white", "brown", "olive", "tan", "old man, bald, beard, straw hat")).traits();
        assertThat(oldMan.species()).isEqualTo(Species.HUMAN);
        assertThat(oldMan.hairstyle()).isEqualTo(CharacterModel.Hairstyle.BALD);
        assertThat(oldMan.beard()).isTrue();
        assertThat(oldMan.headwear()).isEqualTo(CharacterModel.Headwear.HAT);
        assertThat(oldMan.elder()).isTrue();

        CharacterModel.Traits princess = model("Otohime", new Look("black", "violet", "pink", "fair", "princess with long hair and a crown")).traits();
        assertThat(princess.hairstyle()).isEqualTo(CharacterModel.Hairstyle.LONG);
        assertThat(princess.headwear()).isEqualTo(CharacterModel.Headwear.CROWN);
        assertThat(princess.feminine()).isTrue();

        assertThat(model("The Tongue-Cut Sparrow", new Look("brown", null, null, null, null)).traits().species()).isEqualTo(Species.SPARROW);
        assertThat(model("Shiro", new Look("white", null, null, null, "a faithful white dog")).traits().species()).isEqualTo(Species.DOG);
        assertThat(Species.detect("Urashima", "fisherman")).isEqualTo(Species.HUMAN);
        assertThat(Species.detect("Kame", null)).isEqualTo(Species.TURTLE);
        assertThat(Species.detect("Ryujin", "the dragon king of the sea")).isEqualTo(Species.DRAGON);
        assertThat(Species.detect("Tanuki", null)).isEqualTo(Species.BADGER);
        assertThat(Species.detect("Saru", "a clever monkey")).isEqualTo(Species.MONKEY);
        assertThat(Species.detect("The Crane", null)).isEqualTo(Species.BIRD);
    }

    @Test
    void every_body_plan_draws_in_every_view_and_expression_with_hair_at_the_sample_point() {
        String[][] cast = {
            {"Momotaro", "young boy, ponytail"}, {"Hime", "princess, long hair"}, {"Jiisan", "old man, bald, beard"},
            {"Dog", "dog"}, {"Monkey", "monkey"}, {"Pheasant", "pheasant"}, {"Sparrow", "sparrow"}, {"Crab", "crab"},
            {"Hare", "hare"}, {"Tanuki", "badger"}, {"Turtle", "turtle"}, {"Fox", "fox"}, {"Cat", "cat"},
            {"Dragon", "dragon"}, {"Carp", "fish"}, {"Crane", "bird"}};
        for (String[] c : cast) {
            CharacterModel m = model(c[0], new Look("red", "green", "blue", null, c[1]));
            for (View view : View.values()) {
                for (Expression e : Expression.values()) {
                    if (view != View.FRONT && e != Expression.NEUTRAL) {
                        continue;
                    }
                    BufferedImage img = new BufferedImage(240, 400, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    double scale = 330 / (m.heightUnits() + 0.8);
                    m.draw(g, 120, 380, scale, view, e.name().toLowerCase(), 0, 0);
                    g.dispose();
                    if (view == View.FRONT && e == Expression.NEUTRAL) {
                        Point2D p = m.hairSample(120, 380, scale, false);
                        int rgb = img.getRGB((int) p.getX(), (int) p.getY()) & 0xffffff;
                        assertThat(rgb).as("%s hair sample", c[0]).isEqualTo(m.palette().hair());
                    }
                    assertThat(painted(img)).as("%s %s %s covers a good part of its box", c[0], view, e).isGreaterThan(6000);
                }
            }
        }
    }

    private static int painted(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void expression_words_are_forgiving() {
        assertThat(Expression.parse("Furious")).isEqualTo(Expression.ANGRY);
        assertThat(Expression.parse("scared")).isEqualTo(Expression.AFRAID);
        assertThat(Expression.parse(null)).isEqualTo(Expression.NEUTRAL);
        assertThat(Expression.parse("pensive")).isEqualTo(Expression.NEUTRAL);
    }
}
