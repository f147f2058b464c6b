package dev.tsuzuku.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One name as found, before the filters: every place it occurs and what the context says about it. */
final class CastCandidate {
    final String key;
    final boolean role;
    final Map<String, Integer> forms = new LinkedHashMap<>();
    final List<int[]> spans = new ArrayList<>();
    int nonInitial;
    int spoken;
    int personEvidence;
    int placeEvidence;
    /** Mentions with "the" before the name and no title in it: "the Szgany", "the Thames". */
    int articled;

    CastCandidate(String key, boolean role) {
        this.key = key;
        this.role = role;
    }

    int count() {
        return spans.size();
    }

    String display() {
        return forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(key);
    }
}
