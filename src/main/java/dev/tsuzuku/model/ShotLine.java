package dev.tsuzuku.model;

/**
 * A spoken line inside a shot, in frames relative to the shot's first frame, [startFrame, endFrame).
 * {@code speaker} is a cast name, or null for the narrator.
 */
public record ShotLine(String speaker, String text, int startFrame, int endFrame) {}
