package dev.tsuzuku.produce;

import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The synthesised lines of an episode, by speaker and text. */
final class Voices {
    final Map<String, Path> wavs = new HashMap<>();
    final Map<String, Double> seconds = new HashMap<>();
    final Map<String, String> keys = new HashMap<>();
    int reused;
    int total;

    static String id(ShotLine l) {
        return (l.speaker() == null ? "" : l.speaker()) + "\u0000" + l.text();
    }

    static boolean spoken(ShotLine l) {
        return l.text() != null && !l.text().isBlank();
    }

    double seconds(ShotLine l) {
        Double s = seconds.get(id(l));
        if (s == null) {
            throw new TsuzukuException("retime asked for the length of a line that was never spoken: " + l.text());
        }
        return s;
    }

    Optional<Path> wav(ShotLine l) {
        return Optional.ofNullable(wavs.get(id(l)));
    }
}
