package dev.tsuzuku.render;

import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The master's AAC track made in parts, so that a re-produce encodes only the stretch of sound
 * that changed. The whole-file encode (what {@link FfmpegCommands#cut} does) feeds the encoder the
 * mix fitted to the video and shifted by the AAC priming; its packet {@code j} carries input
 * samples {@code [(j-1)·1024, j·1024)}. A part is the packets {@code [a, b)} of that stream, taken
 * from an encode of the same input starting {@link #PRE_ROLL} packets earlier and ending
 * {@link #POST_ROLL} packets later, so the encoder has settled (psychoacoustics, rate control,
 * window shapes) by the first packet kept and has seen what follows the last. Parts joined packet
 * after packet decode like one encode: the difference is of the size of AAC's own coding noise
 * (docs/decisions/0028-produce-speed-2.md). Each part's input bytes name it in the cache.
 */
public final class AacParts {
    /** Samples per AAC-LC packet. */
    public static final int PACKET = 1024;
    /** Packets encoded before a part's first packet and dropped (~0.7 s). */
    static final int PRE_ROLL = 32;
    /** Packets encoded after a part's last packet and dropped. */
    static final int POST_ROLL = 8;
    /** Packets per part: 8 s at 48 kHz; a one-line change touches one or two parts. */
    public static final int PACKETS_PER_PART = 375;
    /** Bytes of one stereo 16-bit sample frame. */
    private static final int FRAME_BYTES = 4;

    private AacParts() {}

    /**
     * One part: the encoder's input is samples {@code [from, to)} of the fitted mix; of its packets,
     * {@code skip} are dropped and the next {@code keep} kept ({@code keep < 0}: all the rest, for
     * the last part, which ends where the whole encode ends).
     */
    public record Part(int index, long from, long to, int skip, int keep) {}

    /**
     * The parts of an AAC track that lasts {@code samples} (the video's length in samples): the
     * encoder's input is the mix from sample {@link FfmpegCommands#AAC_PRIMING_SAMPLES} on, {@code
     * samples - priming} long, and the encode has ⌈samples / 1024⌉ packets.
     */
    public static List<Part> plan(long samples, int packetsPerPart) {
        if (packetsPerPart < 1) {
            throw new IllegalArgumentException("packets per part must be positive, got " + packetsPerPart);
        }
        long input = inputSamples(samples);
        long packets = (samples + PACKET - 1) / PACKET;
        List<Part> parts = new ArrayList<>();
        for (long a = 0; a < packets; a += packetsPerPart) {
            long b = a + packetsPerPart;
            boolean last = b >= packets;
            long pre = a == 0 ? -1 : Math.min(PRE_ROLL, a - 1);
            long from = (a - 1 - pre) * PACKET;
            long to = last ? input : Math.min(input, (b + POST_ROLL) * PACKET);
            parts.add(new Part(parts.size(), from, to, (int) (pre + 1), last ? -1 : packetsPerPart));
        }
        return parts;
    }

    /** Samples of the encoder's input: the mix without the samples the AAC priming stands in for. */
    public static long inputSamples(long samples) {
        return Math.max(0, samples - FfmpegCommands.AAC_PRIMING_SAMPLES);
    }

    /**
     * The mix (a 16-bit PCM WAV, 48 kHz stereo, as {@code produce}'s mixing writes it) fitted the
     * way the whole-file cut fits it: from sample {@link FfmpegCommands#AAC_PRIMING_SAMPLES} on,
     * padded with silence or cut to {@code samples - priming} samples.
     */
    public static final class Fitted {
        private final byte[] wav;
        private final int data;
        private final long available;
        private final long length;

        private Fitted(byte[] wav, int data, long available, long length) {
            this.wav = wav;
            this.data = data;
            this.available = available;
            this.length = length;
        }

        public static Fitted read(Path mixWav, long samples) {
            byte[] b;
            try {
                b = Files.readAllBytes(mixWav);
            } catch (IOException e) {
                throw new TsuzukuException("cannot read the mix " + mixWav + ": " + e.getMessage(), e);
            }
            ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            if (b.length < 12 || buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
                throw new TsuzukuException("the mix " + mixWav + " is not a WAV file");
            }
            int at = 12;
            boolean format = false;
            while (at + 8 <= b.length) {
                int id = buf.getInt(at);
                long size = buf.getInt(at + 4) & 0xffffffffL;
                if (id == 0x20746d66) { // "fmt "
                    int tag = buf.getShort(at + 8) & 0xffff, channels = buf.getShort(at + 10), rate = buf.getInt(at + 12);
                    int bits = buf.getShort(at + 22);
                    if (tag != 1 || channels != 2 || rate != FfmpegCommands.AUDIO_RATE || bits != 16) {
                        throw new TsuzukuException("the mix " + mixWav + " is format " + tag + ", " + channels + " channels, "
                                + rate + " Hz, " + bits + " bits; produce's mixing writes 16-bit PCM, 2 channels, 48000 Hz");
                    }
                    format = true;
                } else if (id == 0x61746164) { // "data"
                    if (!format) {
                        throw new TsuzukuException("the mix " + mixWav + " has its data before its format");
                    }
                    long bytes = Math.min(size, b.length - at - 8L);
                    long frames = bytes / FRAME_BYTES;
                    long shifted = Math.max(0, frames - FfmpegCommands.AAC_PRIMING_SAMPLES);
                    return new Fitted(b, at + 8 + FfmpegCommands.AAC_PRIMING_SAMPLES * FRAME_BYTES, shifted, inputSamples(samples));
                }
                at += 8 + (int) (size + (size & 1));
            }
            throw new TsuzukuException("the mix " + mixWav + " has no audio data");
        }

        /** Samples of the encoder's input. */
        public long length() {
            return length;
        }

        /** Samples {@code [from, to)} as interleaved little-endian 16-bit stereo (silence past the mix's end). */
        public byte[] pcm(long from, long to) {
            if (from < 0 || to > length || from > to) {
                throw new IllegalArgumentException("samples " + from + ".." + to + " of " + length);
            }
            byte[] out = new byte[Math.toIntExact((to - from) * FRAME_BYTES)];
            long copy = Math.max(0, Math.min(to, available) - from);
            if (copy > 0) {
                System.arraycopy(wav, Math.toIntExact(data + from * FRAME_BYTES), out, 0, Math.toIntExact(copy * FRAME_BYTES));
            }
            return out;
        }

        /** SHA-256 of a part's input, hex: what names the part in the cache. */
        public String hash(Part p) {
            return dev.tsuzuku.workspace.Sha256.hex(pcm(p.from(), p.to()));
        }

        /** Writes a part's input as a 16-bit stereo 48 kHz WAV for the encoder. */
        public void writePart(Part p, Path wav) {
            byte[] pcm = pcm(p.from(), p.to());
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157);
            h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2).putInt(FfmpegCommands.AUDIO_RATE)
                    .putInt(FfmpegCommands.AUDIO_RATE * FRAME_BYTES).putShort((short) FRAME_BYTES).putShort((short) 16);
            h.putInt(0x61746164).putInt(pcm.length);
            try (var out = Files.newOutputStream(wav)) {
                out.write(h.array());
                out.write(pcm);
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(wav, e);
            }
        }
    }

    /** Offsets of the ADTS frames (one AAC packet each) in {@code adts}, with the end as the last element. */
    public static List<Integer> adtsFrames(byte[] adts, String what) {
        List<Integer> at = new ArrayList<>();
        int i = 0;
        while (i < adts.length) {
            if (i + 7 > adts.length || (adts[i] & 0xff) != 0xff || (adts[i + 1] & 0xf0) != 0xf0) {
                throw new TsuzukuException(what + " is not an ADTS AAC stream at byte " + i);
            }
            int len = ((adts[i + 3] & 3) << 11) | ((adts[i + 4] & 0xff) << 3) | ((adts[i + 5] & 0xff) >> 5);
            if (len < 7 || i + len > adts.length) {
                throw new TsuzukuException(what + " has a truncated ADTS frame at byte " + i);
            }
            at.add(i);
            i += len;
        }
        at.add(i);
        return at;
    }
}
