package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum CameraMove {
    STATIC, PUSH_IN, PULL_OUT, PAN, TILT, SHAKE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
