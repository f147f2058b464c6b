package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's audio made in parts: the plan covers the whole encode packet by packet, and with
 * the bundled ffmpeg the joined parts sound like one encode of the whole mix (as far from the mix
 * as the whole-file encode is, everywhere) and end exactly with the video.
 */
class AacPartsTest {
    static final int FPS = 30;
    static final int FRAMES = 390; // 13 s: six parts of 100 packets and a short last one
    static final int PER_PART = 100;

    @TempDir
    static Path dir;
    static FfmpegBinaries ff;
    static Path whole;
    static Path joined;
    static Path segment;
    static Path wav;
    static short[] mix;

    @Test
    void the_parts_keep_every_packet_of_the_whole_encode_once_in_order() {
        for (long samples : new long[] {FRAMES * 1600L, 1024L * 750, 1024L * 750 + 1, 7_924_800L}) {
            List<AacParts.Part> parts = AacParts.plan(samples, 375);
            long packets = (samples + 1023) / 1024;
            long next = 0;
            for (AacParts.Part p : parts) {
                // packet j of a part's encode carries input samples [(j-1)*1024, j*1024) counted from its start
                long firstKept = p.from() / 1024 + p.skip();
                assertThat(firstKept).isEqualTo(next);
                assertThat(p.from()).isGreaterThanOrEqualTo(0);
                assertThat(p.to()).isLessThanOrEqualTo(AacParts.inputSamples(samples));
                assertThat(p.skip()).isBetween(0, AacParts.PRE_ROLL + 1);
                next += p.keep() < 0 ? packets - next : p.keep();
                if (p.keep() >= 0) {
                    // the encoder has seen what follows the last packet kept
                    assertThat(p.to()).isEqualTo(Math.min(AacParts.inputSamples(samples), (next + AacParts.POST_ROLL) * 1024));
                }
            }
            assertThat(next).isEqualTo(packets);
            assertThat(parts.get(parts.size() - 1).keep()).isNegative();
            assertThat(parts.get(parts.size() - 1).to()).isEqualTo(AacParts.inputSamples(samples));
        }
    }

    @Test
    void a_change_in_one_second_of_the_mix_changes_only_the_parts_that_hear_it() throws IOException {
        long samples = 60 * 48_000L;
        short[] a = music(samples);
        short[] b = a.clone();
        for (int i = 2 * 30 * 48_000; i < 2 * 31 * 48_000; i++) {
            b[i] = (short) (b[i] / 2); // a line said differently from 30 s to 31 s
        }
        AacParts.Fitted fa = AacParts.Fitted.read(writeWav(dir.resolve("a.wav"), a), samples);
        AacParts.Fitted fb = AacParts.Fitted.read(writeWav(dir.resolve("b.wav"), b), samples);
        List<AacParts.Part> parts = AacParts.plan(samples, AacParts.PACKETS_PER_PART);
        List<Integer> changed = new ArrayList<>();
        for (AacParts.Part p : parts) {
            if (!fa.hash(p).equals(fb.hash(p))) {
                changed.add(p.index());
            }
        }
        // 8 s parts: 30–31 s of the mix is input 28.98–29.98 s (the priming), the part from 24 s to 32 s
        assertThat(parts).hasSize(8);
        assertThat(changed).containsExactly(3);
    }

    @BeforeAll
    static void encode_the_whole_mix_and_the_parts() throws IOException {
        ff = FfmpegBinaries.locate();
        Encoder encoder = new Encoder(ff, EncodeSettings.DEFAULT);
        segment = dir.resolve("video.mp4");
        encoder.encode(new MovingSquare(64, 64, FRAMES, 0.2f), FPS, segment, n -> { });
        long samples = FRAMES * 1600L;
        mix = music(samples - 4800); // 0.1 s short: the fitting pads it
        wav = writeWav(dir.resolve("mix.wav"), mix);

        whole = dir.resolve("whole.mp4");
        encoder.mux(List.of(segment), wav, FRAMES, FPS, whole);

        AacParts.Fitted fitted = AacParts.Fitted.read(wav, samples);
        List<Path> parts = new ArrayList<>();
        for (AacParts.Part p : AacParts.plan(samples, PER_PART)) {
            Path in = dir.resolve("part" + p.index() + ".wav");
            Path out = dir.resolve("part" + p.index() + ".aac");
            fitted.writePart(p, in);
            encoder.encodeAudio(in, p.skip(), p.keep(), out);
            parts.add(out);
        }
        joined = dir.resolve("joined.mp4");
        encoder.muxAac(List.of(segment), parts, FRAMES, FPS, joined);
    }

    @Test
    void the_joined_audio_lasts_exactly_as_long_as_the_whole_encode_and_the_video() {
        Probe.Audio a = new Probe(ff).probe(joined).audio().orElseThrow();
        Probe.Audio b = new Probe(ff).probe(whole).audio().orElseThrow();

        assertThat(a.samples()).isEqualTo(b.samples()).isEqualTo(FRAMES * 1600L);
        assertThat(new Probe(ff).decodeErrors(joined)).isEmpty();
        assertThat(Probe.deviations(new Probe(ff).probe(joined), 64, 64, FPS, FRAMES)).isEmpty();
    }

    @Test
    void the_joined_audio_is_as_close_to_the_mix_as_the_whole_encode_everywhere() throws IOException {
        short[] a = decode(joined);
        short[] b = decode(whole);
        assertThat(a.length).isEqualTo(b.length);

        // whole-file encodes drop the mix's first 1024 samples (the priming stands in for them)
        double overallJoined = snr(a, 1024, a.length / 2);
        double overallWhole = snr(b, 1024, b.length / 2);
        assertThat(overallJoined).isGreaterThan(overallWhole - 1.0);
        // every 100 ms: no stretch (a part boundary included) further from the mix than the
        // whole encode's worst stretch
        double worstWhole = Double.MAX_VALUE, worstJoined = Double.MAX_VALUE;
        for (int from = 1024; from + 4800 <= Math.min(mix.length / 2, a.length / 2); from += 4800) {
            worstWhole = Math.min(worstWhole, snr(b, from, from + 4800));
            worstJoined = Math.min(worstJoined, snr(a, from, from + 4800));
        }
        assertThat(worstJoined).isGreaterThan(worstWhole - 3.0);
    }

    @Test
    void the_fast_coder_is_as_close_to_the_mix_as_the_default_two_loop_coder() throws IOException {
        // the master's AAC uses the constant-quantiser coder (4x cheaper); it must not sound further from the mix
        Path list = Files.writeString(dir.resolve("twoloop.txt"), FfmpegCommands.concatList(List.of(segment)));
        Path twoLoop = dir.resolve("twoloop.mp4");
        List<String> cmd = new ArrayList<>(FfmpegCommands.cut(ff.ffmpeg(), list, wav, FRAMES, FPS, twoLoop));
        assertThat(cmd).containsSubsequence("-aac_coder", "fast");
        cmd.set(cmd.indexOf("-aac_coder") + 1, "twoloop");
        new FfmpegProcess(ff).run(cmd);
        short[] fast = decode(whole);
        short[] slow = decode(twoLoop);

        assertThat(snr(fast, 1024, fast.length / 2)).isGreaterThanOrEqualTo(snr(slow, 1024, slow.length / 2));
        double worstFast = Double.MAX_VALUE, worstSlow = Double.MAX_VALUE;
        for (int from = 1024; from + 4800 <= mix.length / 2; from += 4800) {
            worstFast = Math.min(worstFast, snr(fast, from, from + 4800));
            worstSlow = Math.min(worstSlow, snr(slow, from, from + 4800));
        }
        assertThat(worstFast).isGreaterThan(worstSlow - 1.0);
    }

    /** SNR in dB of decoded stereo samples [from, to) against the mix (silence past its end). */
    private static double snr(short[] decoded, int from, int to) {
        double signal = 0, noise = 0;
        for (int i = 2 * from; i < 2 * to; i++) {
            double m = i < mix.length ? mix[i] : 0;
            signal += m * m;
            noise += (decoded[i] - m) * (decoded[i] - m);
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }

    /** A chord with a melody, vibrato and a click every 0.37 s: tones and transients for the encoder. */
    private static short[] music(long samples) {
        short[] s = new short[(int) samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = i / 48_000.0;
            double note = 220 * Math.pow(2, ((int) (t * 3) % 8) / 12.0);
            double v = 0.25 * Math.sin(2 * Math.PI * note * t + 0.3 * Math.sin(2 * Math.PI * 5 * t))
                    + 0.15 * Math.sin(2 * Math.PI * 330 * t) + 0.1 * Math.sin(2 * Math.PI * 440.5 * t);
            double sinceClick = t % 0.37;
            if (sinceClick < 0.01) {
                v += 0.4 * Math.exp(-sinceClick * 400) * Math.sin(2 * Math.PI * 2500 * t);
            }
            s[2 * i] = (short) (v * 20_000);
            s[2 * i + 1] = (short) (v * 18_000 * Math.cos(2 * Math.PI * 0.2 * t));
        }
        return s;
    }

    private static Path writeWav(Path file, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(48_000).putInt(48_000 * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(pcm.length * 2);
        for (short v : pcm) {
            b.putShort(v);
        }
        return Files.write(file, b.array());
    }

    private static short[] decode(Path mp4) throws IOException {
        Path raw = dir.resolve(mp4.getFileName() + ".s16");
        new FfmpegProcess(ff).run(List.of(ff.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", mp4.toString(),
                "-map", "0:a:0", "-f", "s16le", "-ac", "2", "-ar", "48000", raw.toString()));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[b.remaining() / 2];
        b.asShortBuffer().get(out);
        return Arrays.copyOf(out, out.length);
    }
}
