package dev.tsuzuku.model;

/**
 * How a character looks. Colours are CSS-style names or #RRGGBB; the animatic and the
 * character sheets draw from these, and the video prompts quote them.
 */
public record Look(String hair, String eyes, String outfit, String skin, String silhouette) {}
