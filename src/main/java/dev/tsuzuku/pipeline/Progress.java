package dev.tsuzuku.pipeline;

/**
 * Where long work reports how far it is. The CLI prints per-stage lines with an ETA; the web
 * studio will show live status; tests use {@link #silent()}.
 */
public interface Progress {

    /** Starts a task of {@code total} units (frames, episodes, shots …). */
    Task start(String label, long total);

    /** A one-off message (e.g. "reused 41 of 42 shots"). */
    void note(String message);

    interface Task extends AutoCloseable {
        void advance(long units);

        @Override
        void close();
    }

    static Progress silent() {
        return new Progress() {
            @Override
            public Task start(String label, long total) {
                return new Task() {
                    @Override
                    public void advance(long units) {}

                    @Override
                    public void close() {}
                };
            }

            @Override
            public void note(String message) {}
        };
    }
}
