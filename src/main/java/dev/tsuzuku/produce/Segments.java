package dev.tsuzuku.produce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The encoded shot segments of an episode, in shot order, with their cache keys. */
final class Segments {
    final List<String> keys = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    int reused;
}
