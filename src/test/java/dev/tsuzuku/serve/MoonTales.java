package dev.tsuzuku.serve;

import java.util.List;

/** The one-series library the player tests serve: "moon-tales" with the given released episodes. */
final class MoonTales {
    private MoonTales() {}

    static Library library(Library.Episode... released) {
        List<Library.Episode> episodes = List.of(released);
        return new Library() {
            @Override
            public List<Series> series() {
                return List.of(new Series("moon-tales", "Moon Tales", "en"));
            }

            @Override
            public List<Episode> released(String seriesId) {
                return seriesId.equals("moon-tales") ? episodes : List.of();
            }
        };
    }
}
