package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Framing {
    EXTREME_CLOSE_UP, CLOSE_UP, MEDIUM_CLOSE_UP, MEDIUM, MEDIUM_WIDE, WIDE, EXTREME_WIDE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
