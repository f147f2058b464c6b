package dev.tsuzuku.produce;

import dev.tsuzuku.model.TsuzukuException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a step's parallel work: the first failure cancels the rest and is rethrown as is. */
final class Futures {
    private Futures() {
    }

    /** Waits for every future; {@code doing} names the work in messages ("rendering a shot"). */
    static void awaitAll(List<? extends Future<?>> running, String doing) {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                running.forEach(other -> other.cancel(true));
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new TsuzukuException(doing + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TsuzukuException("interrupted while " + doing, e);
            }
        }
    }
}
