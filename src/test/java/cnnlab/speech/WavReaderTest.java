package cnnlab.speech;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavReaderTest {
    @ParameterizedTest(name = "{0} bits, {1} channel(s), extensible {2}, {3} Hz")
    @CsvSource({"8,1,false,8000", "16,1,false,8000", "16,2,false,44100", "24,1,false,16000", "24,2,true,48000",
            "32,1,false,22050", "-32,1,false,8000", "-32,2,true,44100", "16,6,true,8000"})
    void readsEverySupportedLayout(int bits, int channels, boolean extensible, int rate) {
        float[] sine = Wavs.sine(440, rate, 0.25, 0.5);
        Audio a = WavReader.read(Wavs.wav(sine, rate, bits, channels, extensible));
        assertEquals(rate, a.sampleRate());
        assertEquals(sine.length, a.samples().length);
        double tolerance = bits == 8 ? 1.0 / 100 : 1e-4;
        for (int i = 0; i < sine.length; i++) assertEquals(sine[i], a.samples()[i], tolerance, "sample " + i);
    }

    @Test
    void stereoIsMixedDownToMono() {
        byte[] wav = Wavs.wav(new float[]{0.5f, -0.5f}, 8000, 16, 2, false);
        // make the right channel silent: average = half of the left
        wav[46] = 0;
        wav[47] = 0;
        wav[50] = 0;
        wav[51] = 0;
        Audio a = WavReader.read(wav);
        assertEquals(0.25, a.samples()[0], 1e-3);
        assertEquals(-0.25, a.samples()[1], 1e-3);
    }

    private static String problem(byte[] bytes) {
        return assertThrows(AudioProblem.class, () -> WavReader.read(bytes)).getMessage();
    }

    @Test
    void badFilesGetClearMessages() {
        assertTrue(problem(new byte[0]).contains("empty"));
        assertTrue(problem("just some text, renamed to .wav".getBytes(StandardCharsets.UTF_8)).contains("not a WAV"));
        assertTrue(problem(new byte[]{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 0, 0}).contains("MP3"));
        assertTrue(problem(new byte[]{(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0}).contains("MP3"));
        byte[] good = Wavs.wav(Wavs.sine(300, 8000, 0.5, 0.5), 8000, 16, 1, false);
        assertTrue(problem(Arrays.copyOf(good, 30)).contains("truncated"), "header cut");
        assertTrue(problem(Arrays.copyOf(good, 500)).contains("truncated"), "data cut");
        assertTrue(problem(Wavs.wav(new float[0], 8000, 16, 1, false)).contains("no samples"));
        assertTrue(problem(Wavs.wav(new float[8000 * 11], 8000, 16, 1, false)).contains("longer than 10 seconds"));
        assertTrue(problem(new byte[WavReader.MAX_BYTES + 1]).contains("10 MB"));
        byte[] adpcm = good.clone();
        adpcm[20] = 2;   // format tag 2 = MS ADPCM
        assertTrue(problem(adpcm).contains("compressed"));
        byte[] twelveBit = Wavs.wav(new float[10], 8000, 16, 1, false);
        twelveBit[34] = 12;
        assertTrue(problem(twelveBit).contains("12 bits"));
    }
}
