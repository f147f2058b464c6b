package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tsuzuku.model.TsuzukuException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
    @TempDir
    Path dir;

    @Test
    void writes_16_bit_pcm_and_reads_it_back() {
        float[] s = {0f, 0.5f, -0.5f, 1f, -1f, 0.25f};
        Path f = dir.resolve("a.wav");

        WavFile.write(f, new Pcm(48_000, 2, s));
        Pcm back = WavFile.read(f);

        assertThat(back.sampleRate()).isEqualTo(48_000);
        assertThat(back.channels()).isEqualTo(2);
        assertThat(back.frames()).isEqualTo(3);
        for (int i = 0; i < s.length; i++) {
            assertThat(back.samples()[i]).isCloseTo(s[i], within(1e-4f));
        }
        assertThat(WavFile.seconds(f)).isEqualTo(3 / 48_000.0);
    }

    @Test
    void skips_chunks_before_the_data_and_tolerates_a_streaming_size() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(le("RIFF", -1));
        b.write("WAVE".getBytes());
        b.write(le("fmt ", 16));
        b.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 1).putShort((short) 1).putInt(22_050).putInt(44_100).putShort((short) 2)
                .putShort((short) 16).array());
        b.write(le("LIST", 4));
        b.write("INFO".getBytes());
        b.write(le("data", -1)); // 0xFFFFFFFF: "until the end of the file"
        b.write(new byte[22_050 * 2]);
        Path f = dir.resolve("stream.wav");
        Files.write(f, b.toByteArray());

        assertThat(WavFile.seconds(f)).isEqualTo(1.0);
    }

    @Test
    void a_file_that_is_not_wav_is_reported_by_name_with_a_fix() throws Exception {
        Path f = Files.writeString(dir.resolve("line.wav"), "ID3 this is an mp3");

        assertThatThrownBy(() -> WavFile.read(f))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("cannot read " + f + " as WAV audio")
                .hasMessageContaining("fix:");
    }

    @Test
    void a_missing_file_says_so() {
        assertThatThrownBy(() -> WavFile.read(dir.resolve("gone.wav")))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("gone.wav does not exist");
    }

    @Test
    void resampling_keeps_the_length_in_seconds() {
        Pcm voice = new Pcm(22_050, 1, new float[22_050 * 2]);

        assertThat(voice.monoAt(48_000)).hasSize(96_000);
    }

    private static byte[] le(String id, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(id.getBytes()).putInt(size).array();
    }
}
