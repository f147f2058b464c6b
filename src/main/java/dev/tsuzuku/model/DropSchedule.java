package dev.tsuzuku.model;

import java.time.LocalTime;
import java.time.ZoneId;

/** One episode a day at {@code time} in {@code zone}. */
public record DropSchedule(LocalTime time, ZoneId zone) {}
