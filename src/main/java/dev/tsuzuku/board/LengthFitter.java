package dev.tsuzuku.board;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Brings an episode's drafted shots into the series' length range (see {@link #fit}). */
final class LengthFitter {
    private LengthFitter() {}

    /**
     * Brings the total into the bible's range: first drops whole narration lines, then action
     * lines (the smallest that is enough, else the longest), never a scene's establishing line
     * or any dialogue; then stretches holds evenly over the story and hook shots.
     */
    static void fit(List<Draft> drafts, Bible bible, Script script) {
        int min = bible.minEpisodeSeconds() * Storyboarder.FPS;
        int max = bible.maxEpisodeSeconds() * Storyboarder.FPS;
        for (LineKind trimmable : List.of(LineKind.NARRATION, LineKind.ACTION)) {
            while (total(drafts) > max) {
                Map<Integer, List<Draft>> byLine = new LinkedHashMap<>();
                Set<Integer> protectedLines = new HashSet<>();
                for (Draft d : drafts) {
                    if (d.kind != ShotKind.STORY) {
                        continue;
                    }
                    if (d.firstInScene || d.lineKind != trimmable) {
                        protectedLines.addAll(d.lineIds);
                    }
                    for (int id : d.lineIds) {
                        byLine.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                    }
                }
                byLine.keySet().removeAll(protectedLines);
                if (byLine.isEmpty()) {
                    break;
                }
                int over = total(drafts) - max;
                Comparator<Map.Entry<Integer, List<Draft>>> bySize =
                        Comparator.comparingInt(e -> total(e.getValue()));
                Optional<Map.Entry<Integer, List<Draft>>> enough = byLine.entrySet().stream()
                        .filter(e -> total(e.getValue()) >= over).min(bySize);
                Map.Entry<Integer, List<Draft>> victim = enough.orElseGet(() ->
                        byLine.entrySet().stream().max(bySize).orElseThrow());
                drafts.removeAll(victim.getValue());
            }
        }
        int total = total(drafts);
        if (total > max) {
            throw new BadInputException("episodes/" + EpisodePlan.folder(script.episode()) + "/script.json",
                    String.format(Locale.ROOT, "the episode's dialogue alone runs %.1f s; the series allows at most %d s",
                            total / (double) Storyboarder.FPS, bible.maxEpisodeSeconds()),
                    "shorten the dialogue, or raise episodeSeconds in series.yaml");
        }
        if (total < min) {
            List<Draft> stretchable = drafts.stream()
                    .filter(d -> d.kind == ShotKind.STORY || d.kind == ShotKind.HOOK).toList();
            if (stretchable.isEmpty()) {
                stretchable = drafts.stream().filter(d -> d.kind == ShotKind.TITLE || d.kind == ShotKind.END_CARD).toList();
            }
            int deficit = min - total;
            for (int i = 0; i < stretchable.size(); i++) {
                stretchable.get(i).extra += deficit / stretchable.size() + (i < deficit % stretchable.size() ? 1 : 0);
            }
        }
    }

    private static int total(List<Draft> drafts) {
        return drafts.stream().mapToInt(Draft::frames).sum();
    }
}
