package dev.tsuzuku.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an export must satisfy, and the caption it carries. Pure: the probed facts of the master
 * come in, the problems (each with its fix) and the caption text go out.
 */
public final class ExportRules {
    private ExportRules() {}

    /** What ffprobe says about the master, as far as the platforms care. */
    public record Master(double seconds, long bytes, int width, int height, String videoCodec, String pixFmt,
                         String audioCodec, double fps) {}

    /** One limit the master breaks: what is wrong and how to fix it. */
    public record Problem(String message, String fix) {}

    public static List<Problem> check(Platform p, Master m) {
        List<Problem> out = new ArrayList<>();
        if (m.seconds() > p.maxSeconds()) {
            out.add(new Problem(String.format(Locale.ROOT, "is %.1f s long; %s takes at most %d s", m.seconds(), p.label(), p.maxSeconds()),
                    "shorten the episode (episodeSeconds in series.yaml, then plan/write/produce again)"
                            + (p != Platform.TIKTOK ? ", or export it --for tiktok (up to 600 s)" : "")));
        }
        if (m.seconds() < p.minSeconds()) {
            out.add(new Problem(String.format(Locale.ROOT, "is %.1f s long; %s takes at least %d s", m.seconds(), p.label(), p.minSeconds()),
                    "produce the episode again: a master this short is broken"));
        }
        if (m.bytes() > p.maxBytes()) {
            out.add(new Problem(String.format(Locale.ROOT, "is %.0f MB; %s takes at most %.0f MB", m.bytes() / 1048576.0, p.label(),
                    p.maxBytes() / 1048576.0), "encode at a lower bitrate (8–10 Mbps keeps a 150 s episode near 190 MB)"));
        }
        if (m.width() * 16 != m.height() * 9) {
            out.add(new Problem(m.width() + "×" + m.height() + " is not 9:16 vertical video", "produce the episode again (the master is 1080×1920)"));
        } else if (m.width() < Platform.MIN_WIDTH || m.height() < Platform.MIN_HEIGHT) {
            out.add(new Problem(m.width() + "×" + m.height() + " is below " + Platform.MIN_WIDTH + "×" + Platform.MIN_HEIGHT,
                    "produce the episode again at 1080×1920"));
        }
        if (!"h264".equals(m.videoCodec())) {
            out.add(new Problem("the video is " + m.videoCodec() + ", not H.264", "produce the episode again (H.264 High, yuv420p)"));
        } else if (!"yuv420p".equals(m.pixFmt())) {
            out.add(new Problem("the picture is " + m.pixFmt() + ", not yuv420p", "produce the episode again (H.264 High, yuv420p)"));
        }
        if (m.audioCodec() == null) {
            out.add(new Problem("has no sound track", "produce the episode again (AAC-LC 48 kHz stereo)"));
        } else if (!"aac".equals(m.audioCodec())) {
            out.add(new Problem("the sound is " + m.audioCodec() + ", not AAC", "produce the episode again (AAC-LC 48 kHz stereo)"));
        }
        if (m.fps() < Platform.MIN_FPS || m.fps() > Platform.MAX_FPS) {
            out.add(new Problem(String.format(Locale.ROOT, "runs at %.2f fps; the platforms take 23–60", m.fps()),
                    "produce the episode again (constant 30 fps)"));
        }
        return out;
    }

    /**
     * The caption: "Series · Episode N: title", the hook, then hashtags (the series, #anime,
     * #shortdrama, the platform's own), within the platform's length and hashtag count. Hashtags
     * go first when it is too long, then the hook is cut at a word with an ellipsis.
     */
    public static String caption(Platform p, String series, int episode, String title, String hook) {
        String head = series + " · Episode " + episode + (title == null || title.isBlank() ? "" : ": " + title.strip());
        String body = hook == null || hook.isBlank() ? "" : hook.strip();
        Set<String> tags = new LinkedHashSet<>();
        tags.add(hashtag(series));
        if (p == Platform.SHORTS) {
            tags.add("#Shorts");
        }
        tags.add("#anime");
        tags.add("#shortdrama");
        tags.add("#episode" + episode);
        if (p == Platform.REELS) {
            tags.add("#reels");
        }
        tags.remove("#");
        List<String> kept = new ArrayList<>(tags).subList(0, Math.min(tags.size(), p.maxHashtags()));
        String sep = p == Platform.SHORTS ? " " : "\n\n";
        List<String> t = new ArrayList<>(kept);
        while (true) {
            String text = join(head, p == Platform.SHORTS ? "" : body, String.join(" ", t), sep);
            if (length(text) <= p.captionChars()) {
                return text;
            }
            if (t.size() > 1) {
                t.remove(t.size() - 1);
                continue;
            }
            // still too long with one hashtag: cut the words before it
            String tail = t.isEmpty() ? "" : sep + t.get(0);
            int room = p.captionChars() - length(tail);
            String words = join(head, p == Platform.SHORTS ? "" : body, "", sep);
            return cut(words, room) + tail;
        }
    }

    private static String join(String head, String body, String tags, String sep) {
        StringBuilder b = new StringBuilder(head);
        if (!body.isEmpty()) {
            b.append(sep).append(body);
        }
        if (!tags.isEmpty()) {
            b.append(sep).append(tags);
        }
        return b.toString();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s} in at most {@code room} code points, cut at a space when one is near, with an ellipsis. */
    static String cut(String s, int room) {
        if (length(s) <= room) {
            return s;
        }
        if (room <= 1) {
            return "…".substring(0, Math.max(0, room));
        }
        int end = s.offsetByCodePoints(0, room - 1);
        int space = s.lastIndexOf(' ', end);
        if (space > end - 20 && space > 0) {
            end = space;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }

    /** "Peach Boy!" → "#PeachBoy": letters and digits of each word, capitalised. */
    static String hashtag(String series) {
        StringBuilder b = new StringBuilder("#");
        for (String w : series.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                b.appendCodePoint(Character.toUpperCase(w.codePointAt(0))).append(w.substring(Character.charCount(w.codePointAt(0))));
            }
        }
        return b.toString();
    }
}
