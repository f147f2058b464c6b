package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What makes a closing line pull the viewer into the next episode. */
public enum HookKind {
    QUESTION, THREAT, REVEAL, DANGER, TURN, PROMISE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HookKind fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
