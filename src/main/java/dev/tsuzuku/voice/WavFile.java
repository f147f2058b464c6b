package dev.tsuzuku.voice;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * RIFF/WAVE reading and writing. Reads integer PCM (8/16/24/32-bit) and 32-bit float, plain or
 * WAVE_FORMAT_EXTENSIBLE, skipping chunks it does not need (LIST, fact …); writes 16-bit PCM.
 * Written by hand rather than through javax.sound so a header with a streaming size
 * (0xFFFFFFFF, as some tools write) still reads to the end of the file.
 */
public final class WavFile {
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavFile() {}

    /** The format of a WAV file as its header states it. */
    public record Header(int format, int channels, int sampleRate, int bitsPerSample, int dataOffset, long dataBytes) {
        public long frames() {
            return dataBytes / ((long) channels * (bitsPerSample / 8));
        }

        public double seconds() {
            return (double) frames() / sampleRate;
        }
    }

    /** The real length of a WAV file in seconds, from its header and size. */
    public static double seconds(Path wav) {
        return header(wav, bytes(wav)).seconds();
    }

    public static Pcm read(Path wav) {
        byte[] b = bytes(wav);
        Header h = header(wav, b);
        int frames = (int) h.frames();
        float[] out = new float[frames * h.channels()];
        ByteBuffer buf = ByteBuffer.wrap(b, h.dataOffset(), (int) h.dataBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (h.bitsPerSample()) {
                case 8 -> ((buf.get() & 0xFF) - 128) / 128f;
                case 16 -> buf.getShort() / 32768f;
                case 24 -> {
                    int v = (buf.get() & 0xFF) | (buf.get() & 0xFF) << 8 | buf.get() << 16;
                    yield v / 8388608f;
                }
                default -> h.format() == FLOAT ? buf.getFloat() : buf.getInt() / 2147483648f;
            };
        }
        return new Pcm(h.sampleRate(), h.channels(), out);
    }

    /** Writes 16-bit PCM, clipping at full scale; atomically, so a reader never sees half a file. */
    public static void write(Path target, Pcm pcm) {
        AtomicFiles.write(target, encode(pcm));
    }

    static byte[] encode(Pcm pcm) {
        float[] s = pcm.samples();
        int dataBytes = s.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        out.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) PCM).putShort((short) pcm.channels());
        out.putInt(pcm.sampleRate()).putInt(pcm.sampleRate() * pcm.channels() * 2);
        out.putShort((short) (pcm.channels() * 2)).putShort((short) 16);
        out.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        byte[] bytes = out.array();
        int j = 44;
        for (float v : s) {
            float c = v > 1f ? 1f : (v < -1f ? -1f : v);
            int q = (int) Math.floor(c * 32767f + 0.5f);
            bytes[j++] = (byte) q;
            bytes[j++] = (byte) (q >> 8);
        }
        return bytes;
    }

    private static byte[] bytes(Path wav) {
        try {
            return Files.readAllBytes(wav);
        } catch (NoSuchFileException e) {
            throw new TsuzukuException("audio file " + wav + " does not exist");
        } catch (IOException e) {
            throw new TsuzukuException("cannot read audio file " + wav + ": " + e.getMessage(), e);
        }
    }

    static Header header(Path wav, byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) {
            throw notWav(wav, "it does not start with a RIFF/WAVE header");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= b.length) {
            int id = buf.getInt(pos);
            long size = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > b.length) {
                    throw notWav(wav, "its fmt chunk is truncated");
                }
                format = buf.getShort(body) & 0xFFFF;
                channels = buf.getShort(body + 2) & 0xFFFF;
                rate = buf.getInt(body + 4);
                bits = buf.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= b.length) {
                    format = buf.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
            } else if (id == 0x61746164) { // "data"
                if (format < 0) {
                    throw notWav(wav, "its data chunk comes before the fmt chunk");
                }
                boolean supported = (format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))
                        || (format == FLOAT && bits == 32);
                if (!supported || channels < 1 || rate <= 0) {
                    throw notWav(wav, "its format is " + describe(format, bits, channels, rate)
                            + "; only integer PCM (8/16/24/32-bit) or 32-bit float is read");
                }
                long available = b.length - body;
                long frameBytes = (long) channels * (bits / 8);
                long data = Math.min(size, available);
                data -= data % frameBytes;
                return new Header(format, channels, rate, bits, body, data);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw notWav(wav, "it has no data chunk");
    }

    private static String describe(int format, int bits, int channels, int rate) {
        return "format tag " + format + ", " + bits + "-bit, " + channels + " channel(s), " + rate + " Hz";
    }

    private static TsuzukuException notWav(Path wav, String why) {
        return new TsuzukuException("cannot read " + wav + " as WAV audio: " + why
                + " (fix: re-create it, or convert it with: ffmpeg -i IN -c:a pcm_s16le OUT.wav)");
    }
}
