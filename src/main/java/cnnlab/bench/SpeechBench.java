package cnnlab.bench;

import cnnlab.nn.ModelFiles;
import cnnlab.speech.Audio;
import cnnlab.speech.Resampler;
import cnnlab.speech.SilenceTrimmer;
import cnnlab.speech.Spectrogram;
import cnnlab.speech.SpeechService;
import cnnlab.speech.SpeechInput;
import cnnlab.speech.SpeechNet;
import cnnlab.speech.WavReader;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;

/**
 * {@code bench speech}: from WAV bytes to a spoken digit for a 1 s clip (16-bit, 8 kHz, a synthetic voiced sound),
 * split into decode_ms (WAV parsing), spectrogram_ms (resample + trim + STFT + mel + the network's input),
 * network_speech_ms / network_speech_2d_ms (each net's forward pass) and total_ms (both nets, as the page and the REST API do it).
 * Then the same sound as a 1.9 MB WAV of 4.95 s at 192 kHz (the upload that let one student stall the job pool, issue 19):
 * resample_192khz_ms (to 8 kHz) and total_192khz_ms (the whole reading).
 */
public final class SpeechBench {
    private final Path models;

    public SpeechBench(Path models) {
        this.models = models;
    }

    public void run(PrintStream out) {
        byte[] wav = voicedSecond();
        SpeechService speech = SpeechService.load(models);
        print(out, "decode_ms", medianMs(50, 300, () -> WavReader.read(wav)));
        Audio audio = WavReader.read(wav);
        print(out, "spectrogram_ms", medianMs(20, 200, () ->
                SpeechInput.fromSpectrogram(Spectrogram.mel(SilenceTrimmer.trim(Resampler.to(audio, SpeechInput.RATE))))));
        SpeechInput input = SpeechInput.of(audio);
        for (SpeechNet n : SpeechNet.values()) {
            if (!speech.has(n)) continue;
            MultiLayerNetwork net = ModelFiles.load(models.resolve(n.file()));
            INDArray x = Nd4j.create(input.sequence(n.context()), new long[]{1, (long) SpeechInput.BANDS * n.context(), SpeechInput.FRAMES}, 'c');
            print(out, "network_" + n.id().replace('-', '_') + "_ms", medianMs(10, 100, () -> net.output(x).close()));
        }
        print(out, "total_ms", medianMs(10, 60, () -> speech.read(wav)));
        byte[] big = voiced(192_000, 950_000);
        Audio bigAudio = WavReader.read(big);
        print(out, "resample_192khz_ms", medianMs(2, 9, () -> Resampler.to(bigAudio, SpeechInput.RATE)));
        print(out, "total_192khz_ms", medianMs(2, 9, () -> speech.read(big)));
    }

    /** 1 s at 8 kHz: a 120 Hz voice with two formants, rising and falling in loudness like a spoken word. */
    static byte[] voicedSecond() {
        return voiced(8000, 8000);
    }

    /** {@code n} samples of that voice at {@code rate} (16-bit mono), rising and falling once over the clip. */
    static byte[] voiced(int rate, int n) {
        ByteBuffer data = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate, v = 0;
            for (int h = 1; h <= 25; h++) {
                double f = 120 * h, gain = Math.exp(-Math.pow((f - 700) / 300, 2)) + 0.5 * Math.exp(-Math.pow((f - 1200) / 400, 2));
                v += gain * Math.sin(2 * Math.PI * f * t) / h;
            }
            data.putShort((short) Math.round(8000 * v * Math.sin(Math.PI * i / n)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(n * 2);
        out.writeBytes(h.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
