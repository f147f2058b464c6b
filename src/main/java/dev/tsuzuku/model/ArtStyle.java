package dev.tsuzuku.model;

/** A named preset (e.g. "shojo-pastel", "ghibli-watercolor") plus free text for the prompts. */
public record ArtStyle(String preset, String notes) {}
