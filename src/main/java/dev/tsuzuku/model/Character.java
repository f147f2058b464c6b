package dev.tsuzuku.model;

import java.util.List;

/** A cast member of the series bible. {@code name} is the key speakers refer to. */
public record Character(String name, List<String> aliases, Role role, Look look, VoiceSpec voice) {
    public Character {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public enum Role { LEAD, SUPPORTING, MINOR, NARRATOR }

    /** The name a viewer sees: without the tale that tells two people apart ("Dragon King (Hidesato)" → "Dragon King"). */
    public String shownName() {
        return shown(name);
    }

    /** {@link #shownName()} of a speaker as a script names them. */
    public static String shown(String name) {
        if (name == null) {
            return null;
        }
        int open = name.indexOf(" (");
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }
}
