package dev.tsuzuku.model;

import java.util.List;

/** A cast member of the series bible. {@code name} is the key speakers refer to. */
public record Character(String name, List<String> aliases, Role role, Look look, VoiceSpec voice) {
    public Character {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public enum Role { LEAD, SUPPORTING, MINOR, NARRATOR }
}
