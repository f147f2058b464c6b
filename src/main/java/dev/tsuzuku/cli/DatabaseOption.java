package dev.tsuzuku.cli;

import picocli.CommandLine.Option;

/**
 * {@code --db URL}: keep the state in this database instead of the workspace's own
 * {@code .tsuzuku/state}; the studio falls back to {@code TSUZUKU_DB} when it is not given (decision 0004).
 */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "The state database: postgresql://user:password@host:5432/db or jdbc:postgresql://… "
                    + "(default: $TSUZUKU_DB, else the workspace's own .tsuzuku/state). One database or schema per series.")
    String url;

    /** The URL given with {@code --db}, or null. */
    String url() {
        return url;
    }
}
