package dev.tsuzuku.board;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.ShotCast;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text prompt a video model gets for one shot. Consistency across shots comes from
 * repetition: the style anchor and each character's look are the same strings in every prompt,
 * so the prompt is a pure function of the bible and the shot.
 */
public final class ShotPrompt {
    private final Bible bible;

    public ShotPrompt(Bible bible) {
        this.bible = bible;
    }

    /** The style anchor: preset plus the bible's notes. */
    public String styleAnchor() {
        ArtStyle style = bible.style();
        if (style == null) {
            return "anime style";
        }
        StringBuilder b = new StringBuilder();
        b.append(blankToNull(style.preset()) == null ? "anime" : style.preset().trim()).append(" style");
        if (blankToNull(style.notes()) != null) {
            b.append(", ").append(style.notes().trim());
        }
        return b.toString();
    }

    /** A character's look as one string; identical every time it is asked for. */
    public static String look(Character c) {
        Look l = c.look();
        List<String> parts = new ArrayList<>();
        if (l != null) {
            if (blankToNull(l.hair()) != null) parts.add(l.hair().trim() + " hair");
            if (blankToNull(l.eyes()) != null) parts.add(l.eyes().trim() + " eyes");
            if (blankToNull(l.skin()) != null) parts.add(l.skin().trim() + " skin");
            // the bible keeps outfits as colours; older or hand-made bibles may describe them in words
            if (blankToNull(l.outfit()) != null) {
                parts.add(Colors.rgb(l.outfit()).isPresent() ? l.outfit().trim() + " outfit" : l.outfit().trim());
            }
            if (blankToNull(l.silhouette()) != null) parts.add(l.silhouette().trim());
        }
        return c.name() + " (" + (parts.isEmpty() ? "as in the character sheet" : String.join(", ", parts)) + ")";
    }

    public String prompt(List<ShotCast> cast, String place, String timeOfDay, String action,
                         CameraMove camera, Framing framing) {
        StringBuilder b = new StringBuilder(styleAnchor()).append(". ");
        if (!cast.isEmpty()) {
            List<String> people = new ArrayList<>();
            for (ShotCast sc : cast) {
                String who = bible.character(sc.name()).map(ShotPrompt::look).orElse(sc.name());
                people.add(who + " " + sc.expression() + ", " + sc.position());
            }
            b.append("Characters: ").append(String.join("; ", people)).append(". ");
        }
        if (blankToNull(place) != null) {
            b.append("Place: ").append(place.trim());
            placeDescription(place).ifPresent(d -> b.append(", ").append(d));
            b.append(". ");
        }
        if (blankToNull(timeOfDay) != null) {
            b.append("Time: ").append(timeOfDay.trim()).append(". ");
        }
        if (blankToNull(action) != null) {
            b.append("Action: ").append(action.trim().replaceAll("\\s+", " ")).append(". ");
        }
        b.append("Camera: ").append(camera.wireName()).append(", ").append(framing.wireName()).append(" shot. ");
        b.append("vertical 9:16, anime");
        return b.toString();
    }

    private Optional<String> placeDescription(String place) {
        return bible.places().stream()
                .filter(p -> p.name() != null && p.name().equalsIgnoreCase(place.trim()))
                .map(Place::description)
                .filter(d -> blankToNull(d) != null)
                .map(String::trim)
                .findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
