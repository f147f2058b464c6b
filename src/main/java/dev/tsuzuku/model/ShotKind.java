package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The role of a shot in the episode's structure. */
public enum ShotKind {
    COLD_OPEN, TITLE, STORY, HOOK, END_CARD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
