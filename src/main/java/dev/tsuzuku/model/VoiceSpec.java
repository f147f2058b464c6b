package dev.tsuzuku.model;

/**
 * A character's voice: engine-specific voice id (e.g. espeak-ng "en-us+f3"), pitch 0–99,
 * speaking rate in words per minute.
 */
public record VoiceSpec(String voice, int pitch, int wordsPerMinute) {}
