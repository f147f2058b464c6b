package dev.tsuzuku.serve;

import java.io.IOException;

/**
 * Tells code an {@link EarlyRoute} calls whether it runs on a selector thread ({@link
 * FastConnection}), where waiting stalls every connection of that selector: such code answers from
 * what it has and refreshes slow state (the state database) elsewhere.
 */
public final class SelectorThreads {
    private static final ThreadLocal<Boolean> ANSWERING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private SelectorThreads() {}

    /** True while the current thread answers a request on a selector. */
    public static boolean answering() {
        return ANSWERING.get();
    }

    /** What an answer on a selector does: runs {@code work} with {@link #answering()} true. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} as a selector answering a request runs it. */
    public static <T> T answering(Work<T> work) throws IOException {
        ANSWERING.set(Boolean.TRUE);
        try {
            return work.run();
        } finally {
            ANSWERING.set(Boolean.FALSE);
        }
    }
}
