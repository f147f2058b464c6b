package dev.tsuzuku.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --db URL}: keep the state in this database instead of the workspace's own
 * {@code .tsuzuku/state}; {@code TSUZUKU_DB} when the option is not given (decision 0004).
 */
final class DatabaseOption {
    static final String ENV = "TSUZUKU_DB";

    @Option(names = "--db", paramLabel = "URL",
            description = "The state database: postgresql://user:password@host:5432/db or jdbc:postgresql://… "
                    + "(default: $" + ENV + ", else the workspace's own .tsuzuku/state). One database or schema per series.")
    String url;

    /** The URL to open, or null for the workspace's own database. */
    String url() {
        return url(System.getenv());
    }

    String url(Map<String, String> env) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }
}
