package dev.tsuzuku.store;

/** Where an episode stands, as the dashboard shows it. Stored lowercase. */
public enum EpisodeStatus { PLANNED, WRITTEN, BOARDED, PRODUCED, APPROVED, RELEASED, FAILED }
