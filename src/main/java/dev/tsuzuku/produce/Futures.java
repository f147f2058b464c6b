package dev.tsuzuku.produce;

import dev.tsuzuku.model.TsuzukuException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Waiting for a step's parallel work: the first failure cancels the rest and is rethrown as is. */
final class Futures {
    private Futures() {
    }

    /**
     * Runs {@code tasks} in their order on up to {@code workers} daemon threads named {@code thread}
     * and waits for all of them ({@link #awaitAll}); the pool is gone when this returns.
     */
    static void runAll(String thread, int workers, List<? extends Callable<?>> tasks, String doing) {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, tasks.size()), r -> {
            Thread th = new Thread(r, thread);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable<?> task : tasks) {
                running.add(pool.submit(task));
            }
            awaitAll(running, doing);
        } finally {
            pool.shutdownNow();
        }
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
