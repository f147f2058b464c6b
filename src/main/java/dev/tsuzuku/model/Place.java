package dev.tsuzuku.model;

/** A location of the series; {@code kind} is "interior" or "exterior". */
public record Place(String name, String kind, String description) {}
