package dev.tsuzuku.render;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Painted layers (backdrops, figures) shared by every renderer in the process: produce makes one
 * renderer per shot and draws two shots at a time, and consecutive shots mostly share their place
 * and cast. Keys must name everything the layer's pixels depend on; values must never be written
 * after they are made. Values are soft (the memory is only a cache) and the least recently used go
 * first. Two threads asking for the same missing key make it once.
 */
final class LayerCache<K, V> {
    private final Map<K, SoftReference<V>> entries;
    private final Map<K, Object> making = new ConcurrentHashMap<>();

    LayerCache(int max) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, SoftReference<V>> eldest) {
                return size() > max;
            }
        };
    }

    /** The layer for {@code key}, made by {@code make} if absent; a null layer is not kept. */
    V get(K key, Supplier<V> make) {
        V v = peek(key);
        if (v != null) {
            return v;
        }
        Object lock = making.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                v = peek(key);
                if (v == null) {
                    v = make.get();
                    if (v != null) {
                        synchronized (this) {
                            entries.put(key, new SoftReference<>(v));
                        }
                    }
                }
                return v;
            }
        } finally {
            making.remove(key, lock);
        }
    }

    private synchronized V peek(K key) {
        SoftReference<V> ref = entries.get(key);
        return ref == null ? null : ref.get();
    }
}
