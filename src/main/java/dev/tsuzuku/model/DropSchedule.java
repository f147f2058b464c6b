package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One episode a day at {@code time} in {@code zone}, except on the {@code skipDays} (weekdays)
 * and {@code skipDates}; {@code buffer} finished episodes should be ready ahead of the drops
 * (null: {@link #DEFAULT_BUFFER}); the first drop is on {@code start} (null: the first drop time
 * after the workspace was made).
 *
 * <p>Only {@code time} and {@code zone} reach the stages' input hashes: the release settings are
 * left out of the JSON ({@link JsonIgnore}), so changing the skip days or the buffer never makes
 * plan, write or board run again (the board's end card hashes the next drop it prints itself).
 */
public record DropSchedule(
        LocalTime time,
        ZoneId zone,
        @JsonIgnore List<DayOfWeek> skipDays,
        @JsonIgnore List<LocalDate> skipDates,
        @JsonIgnore Integer buffer,
        @JsonIgnore LocalDate start) {

    /** Finished episodes to keep ahead of the drops when the bible names no buffer. */
    public static final int DEFAULT_BUFFER = 3;

    public DropSchedule {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        skipDays = skipDays == null ? List.of() : List.copyOf(skipDays);
        skipDates = skipDates == null ? List.of() : List.copyOf(skipDates);
    }

    /** Every day at {@code time}, no skip days, the default buffer. */
    public DropSchedule(LocalTime time, ZoneId zone) {
        this(time, zone, List.of(), List.of(), null, null);
    }

    /** The buffer to keep: the bible's, else {@link #DEFAULT_BUFFER}. */
    public int bufferOrDefault() {
        return buffer == null ? DEFAULT_BUFFER : buffer;
    }

    /** Whether nothing drops on this (local) date. */
    public boolean skips(LocalDate date) {
        return skipDays.contains(date.getDayOfWeek()) || skipDates.contains(date);
    }
}
