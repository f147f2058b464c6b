package dev.tsuzuku.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The edition tag in an episode's media URLs: a short SHA-256 over the episode's files, so a URL
 * names exactly one set of bytes and can be cached forever ({@code immutable}); a new cut gets a
 * new tag. File hashes are remembered by path, size and modification time; a hash the state
 * database recorded when produce wrote the file ({@link Recorded}) is taken instead of reading it.
 */
public final class Editions {
    /** The files that make an edition; the HLS ladder is derived from episode.mp4 and named by its master playlist. */
    static final List<String> FILES = List.of("episode.mp4", "episode.vtt", "cover.jpg", "thumb.jpg", "hls/master.m3u8");

    private record Stamp(long size, long modified, String hash) {}

    private record Known(long at, String tag) {}

    /** How long a computed tag is trusted before the files are looked at again. */
    private static final long RECHECK_MILLIS = 1_000;

    private final ConcurrentHashMap<Path, Stamp> hashes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Known> tags = new ConcurrentHashMap<>();
    /** Hashes known without reading the file (the state database's artifacts): file, size, modification time → SHA-256 hex. */
    @FunctionalInterface
    public interface Recorded {
        Optional<String> hash(Path file, long size, Instant modified);

        Recorded NONE = (file, size, modified) -> Optional.empty();
    }

    private final java.time.Clock clock;
    private final Recorded recorded;
    /** Files read and hashed here (what the tests count). */
    private final AtomicLong read = new AtomicLong();

    public Editions(java.time.Clock clock) {
        this(clock, Recorded.NONE);
    }

    public Editions(java.time.Clock clock, Recorded recorded) {
        this.clock = clock;
        this.recorded = recorded;
    }

    long filesRead() {
        return read.get();
    }

    /**
     * The tag of the episode in {@code dir}, looking at its files at most once a second (a media
     * request costs no file system walk; a replaced file shows within a second). The feeds link the same URLs.
     */
    public String tag(Path dir) {
        long now = clock.millis();
        Known k = tags.get(dir);
        if (k != null && now - k.at() < RECHECK_MILLIS && now >= k.at()) {
            return k.tag();
        }
        String tag = compute(dir);
        tags.put(dir, new Known(now, tag));
        return tag;
    }

    /** The tag of the episode in {@code dir}: 16 hex characters. */
    String compute(Path dir) {
        MessageDigest md = sha256();
        for (String name : FILES) {
            md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) '=');
            md.update(fileHash(dir.resolve(name)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private String fileHash(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return "-";
        }
        long size = a.size();
        long modified = a.lastModifiedTime().toMillis();
        Stamp known = hashes.get(file);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known.hash();
        }
        Optional<String> fromDb = recorded.hash(file, size, a.lastModifiedTime().toInstant());
        if (fromDb.isPresent()) {
            hashes.put(file, new Stamp(size, modified, fromDb.get()));
            return fromDb.get();
        }
        read.incrementAndGet();
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            return "-";
        }
        String hash = HexFormat.of().formatHex(md.digest());
        hashes.put(file, new Stamp(size, modified, hash));
        return hash;
    }

    private static MessageDigest sha256() {
        return dev.tsuzuku.workspace.Sha256.digest();
    }
}
