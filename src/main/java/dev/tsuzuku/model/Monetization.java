package dev.tsuzuku.model;

/** The first {@code freeEpisodes} are free, the rest cost {@code coinsPerEpisode}. */
public record Monetization(int freeEpisodes, int coinsPerEpisode) {}
