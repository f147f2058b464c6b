package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum LineKind {
    ACTION, DIALOGUE, NARRATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
