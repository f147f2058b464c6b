package dev.tsuzuku.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a 48 kHz stereo 16-bit PCM WAV holding a quiet sine tone, for mux tests. */
final class SineWav {
    private SineWav() {}

    static Path write(Path file, long samples, double hz) throws IOException {
        int channels = 2;
        int rate = 48_000;
        int dataBytes = (int) (samples * channels * 2);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (long i = 0; i < samples; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * hz * i / rate));
            b.putShort(v).putShort(v);
        }
        Files.write(file, b.array());
        return file;
    }
}
