package dev.tsuzuku.model;

/**
 * A cast member in a shot: expression ("neutral", "happy", "sad", "angry", "surprised",
 * "afraid", "determined") and horizontal position ("left", "center", "right").
 */
public record ShotCast(String name, String expression, String position) {}
