package dev.tsuzuku.voice;

import java.nio.file.Path;

/** A synthesised line: a mono WAV file and its real length in seconds. */
public record Speech(Path wav, double seconds) {}
