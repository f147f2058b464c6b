package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden pixels: figures of every body plan, in every view, expression, blink, mouth and mirror,
 * in three art styles, plus two model sheets and a few animatic frames, hashed and compared with
 * values captured from the renderer. The shot cache keys on the renderer's fingerprint, so a change
 * here that is not meant must not happen silently; a change that is meant updates these values and
 * bumps {@link AnimaticRenderer#VERSION}.
 */
class FigurePixelsGoldenTest {
    private static final String[][] CAST = {
        {"Momotaro", "young boy, ponytail"}, {"Hime", "princess, long hair, crown"}, {"Jiisan", "old man, bald, beard, straw hat"},
        {"Baasan", "old woman"}, {"Taro", "tall stout fisherman, short hair"}, {"Kaguya", "girl, slender"},
        {"Monk", "a shaven monk"}, {"Dog", "dog"}, {"Monkey", "monkey"}, {"Pheasant", "pheasant"}, {"Sparrow", "sparrow"},
        {"Crab", "crab"}, {"Hare", "hare"}, {"Tanuki", "badger"}, {"Turtle", "turtle"}, {"Fox", "fox"}, {"Cat", "cat"},
        {"Dragon", "dragon"}, {"Carp", "fish"}, {"Crane", "bird"}};

    private static final String[] STYLES = {"anime", "pastel watercolor", "bold shonen"};

    /** Captured from the renderer before CharacterModel was split into body plans. */
    private static final Map<String, String> GOLDEN = golden();

    private static Map<String, String> golden() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("anime/Momotaro", "6f47318217a7b927d355ae97");
        m.put("anime/Hime", "2ea04d0892235a49f1b4e75a");
        m.put("anime/Jiisan", "915a498d753df09d89b3622a");
        m.put("anime/Baasan", "0ca501262bbba936b7362c9a");
        m.put("anime/Taro", "c4d3947d85e665cd16f08090");
        m.put("anime/Kaguya", "ac423400ad0df42d7c8ba4a0");
        m.put("anime/Monk", "1dedfb810903f490d584a07b");
        m.put("anime/Dog", "d88013996f65544b8b161896");
        m.put("anime/Monkey", "257f28579c24bcdc44fbea42");
        m.put("anime/Pheasant", "2e9b912fda37c0e631f2682c");
        m.put("anime/Sparrow", "59659344c107de22415ab356");
        m.put("anime/Crab", "febfc1f8c1cb682a8a7a1290");
        m.put("anime/Hare", "78f6a7c14eab544104230c06");
        m.put("anime/Tanuki", "4abae931e862469a2528fe19");
        m.put("anime/Turtle", "8b17b1c079d14bbeb6cc5ac7");
        m.put("anime/Fox", "50422294e2fd520f0e0fdca3");
        m.put("anime/Cat", "1b7cd21d47d7a466e73ce943");
        m.put("anime/Dragon", "feee1eeaa6998a3336cc4868");
        m.put("anime/Carp", "dff303fa6d7331642b175152");
        m.put("anime/Crane", "131877fe200992d89cb35dcc");
        m.put("pastel watercolor/Momotaro", "88186b9428cd63e8a5ba980f");
        m.put("pastel watercolor/Hime", "e434a8bc1c70c87ae64fc169");
        m.put("pastel watercolor/Jiisan", "eb25295846730db916938be4");
        m.put("pastel watercolor/Baasan", "89280a4eff209d6d34ab3124");
        m.put("pastel watercolor/Taro", "93d4b3d1ce58d2ca6465c30b");
        m.put("pastel watercolor/Kaguya", "59405b38d83acb7038827904");
        m.put("pastel watercolor/Monk", "e36aaa579777c89a72006e57");
        m.put("pastel watercolor/Dog", "7aabc40d270195c1c9742fde");
        m.put("pastel watercolor/Monkey", "c040f57f8b5ea10367f1995e");
        m.put("pastel watercolor/Pheasant", "6c1560f5ba27c24d91363a2c");
        m.put("pastel watercolor/Sparrow", "14678e99efea2d09916e5c85");
        m.put("pastel watercolor/Crab", "3d2609cc65f555afe8c059c7");
        m.put("pastel watercolor/Hare", "c33778f6b11f29fd7d202f44");
        m.put("pastel watercolor/Tanuki", "7ae9cfbae961bfedaa7628bf");
        m.put("pastel watercolor/Turtle", "2a85947dd5e01aa44b509db0");
        m.put("pastel watercolor/Fox", "fe565725f369e6a297e82b42");
        m.put("pastel watercolor/Cat", "190285bd3e7f444ee54d2f1f");
        m.put("pastel watercolor/Dragon", "f162c69e3a4761785d8428b5");
        m.put("pastel watercolor/Carp", "74998b5e966dd5b8a320188b");
        m.put("pastel watercolor/Crane", "f1846deb643c1e89788d1163");
        m.put("bold shonen/Momotaro", "50b034fcb005a4f59fb7375e");
        m.put("bold shonen/Hime", "01c6dc1faf68867987da9163");
        m.put("bold shonen/Jiisan", "ce5bb709784e295e5f235e17");
        m.put("bold shonen/Baasan", "3a232bb39c825c8a34d8cbf5");
        m.put("bold shonen/Taro", "4cf42d63ab6f87af4b87c701");
        m.put("bold shonen/Kaguya", "b6b938e7efac8b3771a5d240");
        m.put("bold shonen/Monk", "3943f170c71bbcf07bafb953");
        m.put("bold shonen/Dog", "08229dd7f017a3b1187ab0de");
        m.put("bold shonen/Monkey", "4b44fe3de77dae2dfdfc6deb");
        m.put("bold shonen/Pheasant", "b27c14776b57a0fcd070583c");
        m.put("bold shonen/Sparrow", "579087291e54dae5b2019c84");
        m.put("bold shonen/Crab", "c23388c65db03c00abab399c");
        m.put("bold shonen/Hare", "280a5033ea551c7410ebc1c7");
        m.put("bold shonen/Tanuki", "fe67b43495e244e8643bdd25");
        m.put("bold shonen/Turtle", "41bcebef7bfebecbbcdfcb31");
        m.put("bold shonen/Fox", "28f84a84ebd8b32dec512083");
        m.put("bold shonen/Cat", "e615ba5c2671b9cf2c448f8d");
        m.put("bold shonen/Dragon", "0a6c8660239dbb5ee0f70157");
        m.put("bold shonen/Carp", "534cdc1ff6b21b49a9bbd3ba");
        m.put("bold shonen/Crane", "12778296161ebdfd2ab8caa0");
        m.put("sheet/Old Man", "2d1a0ed660468272875344fe");
        m.put("sheet/Pheasant", "1a14578d4e7f525ac6fa2f23");
        m.put("frame/1/5", "ee0df0f4978250db30fc6cbb");
        m.put("frame/2/0", "07ac3b34251aa7b0637ba322");
        m.put("frame/2/45", "5d12f79c4c5703c2520108c9");
        m.put("frame/3/30", "2a00a3826f0c550045c49a3b");
        m.put("frame/4/60", "f73b3edc56c06cd77014e2b3");
        return m;
    }

    @Test
    void figures_sheets_and_frames_keep_their_pixels() {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String style : STYLES) {
            for (String[] c : CAST) {
                // the full matrix for the default style; the others change only colours and line weight
                boolean full = style.equals(STYLES[0]);
                actual.put(style + "/" + c[0], figures(CharacterModel.of(Boards.character(c[0], new Look("red", "green", "blue", null, c[1])),
                        new ArtStyle(style, "")), full));
            }
        }
        var bible = momotaro();
        actual.put("sheet/Old Man", hash(CharacterSheets.draw(CharacterModel.of(bible.character("Old Man").orElseThrow(), bible.style()), bible.title())));
        actual.put("sheet/Pheasant", hash(CharacterSheets.draw(CharacterModel.of(bible.character("Pheasant").orElseThrow(), bible.style()), bible.title())));
        Storyboard sb = board(
                shot(1).kind(ShotKind.TITLE).frames(20).action("Title card: Episode 1 — The Peach").build(),
                shot(2).framing(Framing.MEDIUM_WIDE).camera(CameraMove.PAN).at("Riverbank", "dusk")
                        .with("Momotaro", "happy", "left").with("Dog", "surprised", "right")
                        .line("Dog", "A peach dumpling? I'll follow you anywhere!", 10, 80).build(),
                shot(3).framing(Framing.CLOSE_UP).at("Cottage", "night").with("Old Man", "sad", "center")
                        .line("Old Man", "Come home safe.", 0, 60).build(),
                shot(4).framing(Framing.WIDE).at("Ogre Island", "day").with("Monkey", "angry", "left")
                        .with("Pheasant", "determined", "center").with("Old Woman", "afraid", "right").build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        int[][] frames = {{1, 5}, {2, 0}, {2, 45}, {3, 30}, {4, 60}};
        for (int[] f : frames) {
            BufferedImage img = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
            r.shot(f[0]).render(f[1], img);
            actual.put("frame/" + f[0] + "/" + f[1], hash(((DataBufferByte) img.getRaster().getDataBuffer()).getData()));
        }
        if (Boolean.getBoolean("golden.print")) {
            actual.forEach((k, v) -> System.out.println("        m.put(\"" + k + "\", \"" + v + "\");"));
        }
        assertThat(actual).containsExactlyEntriesOf(GOLDEN);
    }

    /**
     * Every view × expression; in front view every eyes open/half/shut × mouth shut/half/open pair
     * facing right and left, in the other views one of them ({@code full}); else a small sample.
     */
    private static String figures(CharacterModel m, boolean full) {
        MessageDigest md = sha();
        BufferedImage img = new BufferedImage(180, 300, BufferedImage.TYPE_INT_RGB);
        double scale = 250 / (m.heightUnits() + 0.8);
        double[] amounts = {0, 0.5, 1};
        View[] views = full ? View.values() : new View[] {View.FRONT, View.SIDE};
        Expression[] expressions = full ? Expression.values() : new Expression[] {Expression.HAPPY};
        for (View view : views) {
            for (Expression e : expressions) {
                // the front view gets every blink/mouth pair both ways round; the others one each
                boolean all = full && view == View.FRONT;
                for (int i = 0; i < amounts.length; i++) {
                    for (boolean mirrored : new boolean[] {false, true}) {
                        if (!all && (i != e.ordinal() % 3 || mirrored != (e.ordinal() % 2 == 1))) {
                            continue;
                        }
                        Graphics2D g = img.createGraphics();
                        g.clearRect(0, 0, img.getWidth(), img.getHeight());
                        m.draw(g, 90, 285, scale, view, e, amounts[i], amounts[(i + 1) % 3], mirrored);
                        g.dispose();
                        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                        ByteBuffer b = ByteBuffer.allocate(px.length * 4);
                        b.asIntBuffer().put(px);
                        md.update(b);
                    }
                }
            }
        }
        md.update(ByteBuffer.allocate(64).putDouble(m.heightUnits()).putDouble(m.widthUnits()).putDouble(m.headRadius())
                .putDouble(m.headCenter().getX()).putDouble(m.headCenter().getY())
                .putDouble(m.hairSample(90, 285, scale, true).getX()).putDouble(m.hairSample(90, 285, scale, false).getY())
                .putDouble(m.faceBounds(90, 285, scale, true).getWidth()).flip());
        md.update(m.traits().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 24);
    }

    private static String hash(BufferedImage img) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        ByteBuffer b = ByteBuffer.allocate(px.length * 4);
        b.asIntBuffer().put(px);
        return hash(b.array());
    }

    private static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes)).substring(0, 24);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
