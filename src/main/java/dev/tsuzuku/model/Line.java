package dev.tsuzuku.model;

/**
 * One line of a screenplay. {@code speaker} is a cast name from the bible for dialogue, the
 * narrator's name (or null) for narration, and null for action. {@code seconds} is the
 * estimated screen time.
 */
public record Line(LineKind kind, String speaker, String text, double seconds) {}
