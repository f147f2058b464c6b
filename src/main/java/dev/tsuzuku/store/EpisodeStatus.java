package dev.tsuzuku.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an episode stands, stored lowercase. The first four are reached by the pipeline's stages
 * and only ever move forward ({@link #advancedBy}); {@code approved} and {@code released} are a
 * person's decisions and move only along {@link #ALLOWED} ({@link SeriesRepository#transition}).
 */
public enum EpisodeStatus {
    PLANNED("plan"), WRITTEN("write"), BOARDED("board"), PRODUCED("produce"), APPROVED(null), RELEASED(null);

    /**
     * The decisions a person may take, from each status: approve a produced cut, withdraw an
     * approval, release an approved episode. A released episode stays released.
     */
    public static final Map<EpisodeStatus, Set<EpisodeStatus>> ALLOWED = Map.of(
            PLANNED, EnumSet.noneOf(EpisodeStatus.class),
            WRITTEN, EnumSet.noneOf(EpisodeStatus.class),
            BOARDED, EnumSet.noneOf(EpisodeStatus.class),
            PRODUCED, EnumSet.of(APPROVED),
            APPROVED, EnumSet.of(PRODUCED, RELEASED),
            RELEASED, EnumSet.noneOf(EpisodeStatus.class));

    private final String stage;

    EpisodeStatus(String stage) {
        this.stage = stage;
    }

    /** The name stored in the database and printed: {@code planned}, {@code written}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EpisodeStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The status a successful run of this stage gives an episode: plan → planned … produce → produced. */
    public static Optional<EpisodeStatus> reachedBy(String stage) {
        for (EpisodeStatus s : values()) {
            if (stage.equals(s.stage)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The stage whose run gives this status, or empty for a person's decision. */
    public Optional<String> stage() {
        return Optional.ofNullable(stage);
    }

    /**
     * The status after a stage that gives {@code reached} ran: the further of the two. A stage
     * never moves an episode back (an up-to-date later stage is not run again, so it would never
     * move it forward again) and never undoes a person's decision.
     */
    public EpisodeStatus advancedBy(EpisodeStatus reached) {
        return reached.ordinal() > ordinal() ? reached : this;
    }

    /** Whether an episode with this status has been through {@code other} (or further). */
    public boolean atLeast(EpisodeStatus other) {
        return ordinal() >= other.ordinal();
    }

    public boolean mayBecome(EpisodeStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
