package dev.tsuzuku.voice;

import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderHttp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Shared by the cloud voices: both are asked for raw 16-bit little-endian mono PCM at 24 kHz
 * (OpenAI {@code response_format=pcm}, ElevenLabs {@code output_format=pcm_24000}), which we
 * wrap into the WAV every other voice writes, so no audio decoder is needed.
 */
final class CloudSpeech {
    static final int SAMPLE_RATE = 24_000;

    private CloudSpeech() {}

    static Speech write(ProviderHttp http, byte[] pcm16le, Path wavOut) {
        if (pcm16le.length < 2) {
            throw http.failure(FailureKind.SERVER_ERROR, 200, "", "the answer holds no audio", null, null);
        }
        ByteBuffer in = ByteBuffer.wrap(pcm16le).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[pcm16le.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = in.getShort() / 32768f;
        }
        Pcm pcm = new Pcm(SAMPLE_RATE, 1, samples);
        WavFile.write(wavOut, pcm);
        return new Speech(wavOut, pcm.seconds());
    }
}
