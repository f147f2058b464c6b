package dev.tsuzuku.release;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an episode is exported, with the platform's limits. Duration, frame rate, resolution and
 * codecs are from ../shared/reference/formats.md ("One master file for TikTok, YouTube Shorts and
 * Instagram Reels"); its size note ("well under Instagram's 300 MB") gives Reels' size limit. The
 * caption lengths and TikTok's and YouTube's size limits are the platforms' published upload limits
 * (TikTok: 2,200-character caption, 4 GB from its Content Posting API; YouTube: a 100-character
 * title, which carries a Short's hashtags, and 256 GB; Instagram: 2,200 characters and 30 hashtags).
 */
public enum Platform {
    TIKTOK("tiktok", "TikTok", 3, 600, 4L << 30, 2200, 30, false),
    SHORTS("shorts", "YouTube Shorts", 1, 180, 256L << 30, 100, 15, true),
    REELS("reels", "Instagram Reels", 3, 900, 300L << 20, 2200, 30, false);

    /** Frame rates every platform takes (formats.md: 23–60 fps). */
    public static final double MIN_FPS = 23;
    public static final double MAX_FPS = 60;
    /** The smallest vertical picture the platforms treat as HD (720×1280); the master is 1080×1920. */
    public static final int MIN_WIDTH = 720;
    public static final int MIN_HEIGHT = 1280;

    private final String id;
    private final String label;
    private final int minSeconds;
    private final int maxSeconds;
    private final long maxBytes;
    private final int captionChars;
    private final int maxHashtags;
    private final boolean takesSrt;

    Platform(String id, String label, int minSeconds, int maxSeconds, long maxBytes, int captionChars, int maxHashtags,
            boolean takesSrt) {
        this.id = id;
        this.label = label;
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
        this.maxBytes = maxBytes;
        this.captionChars = captionChars;
        this.maxHashtags = maxHashtags;
        this.takesSrt = takesSrt;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int minSeconds() {
        return minSeconds;
    }

    public int maxSeconds() {
        return maxSeconds;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** How long the caption (for Shorts: the title) may be, in characters (code points). */
    public int captionChars() {
        return captionChars;
    }

    public int maxHashtags() {
        return maxHashtags;
    }

    /** Whether the platform takes a subtitle file (YouTube: SRT); TikTok and Instagram get the burned-in subtitles only. */
    public boolean takesSrt() {
        return takesSrt;
    }

    public static Optional<Platform> byId(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(k)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Platform::id).toList();
    }
}
