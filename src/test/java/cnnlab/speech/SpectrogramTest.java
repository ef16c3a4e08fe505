package cnnlab.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramTest {
    private static int peakBand(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
        return best;
    }

    @Test
    void aSineShowsAsOneLineAtItsFrequency() {
        for (double hz : new double[]{250, 1000, 3125}) {
            Spectrogram s = Spectrogram.linear(new Audio(Wavs.sine(hz, 8000, 0.5, 0.5), 8000));
            int expected = (int) Math.round(hz * Spectrogram.WINDOW / 8000);
            for (int f = 0; f < s.frames(); f++) assertEquals(expected, peakBand(s.db()[f]), hz + " Hz, frame " + f);
            assertEquals(hz, s.frequencies()[expected], 8000.0 / Spectrogram.WINDOW);
            assertEquals(0.01, s.hopSeconds(), 1e-9);
            assertEquals(1 + (4000 - Spectrogram.WINDOW + Spectrogram.HOP - 1) / Spectrogram.HOP, s.frames());
        }
    }

    @Test
    void aChirpRisesOverTime() {
        int rate = 8000, n = rate;
        float[] chirp = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = 200 + 3000.0 * i / n;   // 200 Hz -> 3200 Hz in one second
            phase += 2 * Math.PI * f / rate;
            chirp[i] = (float) (0.5 * Math.sin(phase));
        }
        for (Spectrogram s : new Spectrogram[]{Spectrogram.linear(new Audio(chirp, rate)), Spectrogram.mel(new Audio(chirp, rate))}) {
            int previous = -1, rises = 0;
            for (int f = 0; f < s.frames(); f += 10) {
                int peak = peakBand(s.db()[f]);
                if (peak > previous) rises++;
                assertTrue(peak >= previous, "never falls: frame " + f);
                previous = peak;
            }
            assertTrue(rises >= 8, "rises steadily (mel " + s.mel() + ")");
        }
    }

    @Test
    void melBandsAreOrderedAndCoverTheSpectrum() {
        Spectrogram s = Spectrogram.mel(new Audio(Wavs.sine(1000, 8000, 0.3, 0.5), 8000));
        assertEquals(Spectrogram.MEL_BANDS, s.bands());
        for (int b = 1; b < s.bands(); b++) assertTrue(s.frequencies()[b] > s.frequencies()[b - 1]);
        assertTrue(s.frequencies()[s.bands() - 1] < 4000 && s.frequencies()[s.bands() - 1] > 3500);
        double peakHz = s.frequencies()[peakBand(s.db()[5])];
        assertEquals(1000, peakHz, 120, "the 1 kHz tone lands in the band around 1 kHz");
    }

    @ParameterizedTest
    @ValueSource(ints = {44100, 192000, 191999})
    void resamplingKeepsATonesFrequencyAndRemovesWhatCannotBeRepresented(int rate) {
        float[] mix = Wavs.sine(440, rate, 0.5, 0.4), high = Wavs.sine(6000, rate, 0.5, 0.4);
        for (int i = 0; i < mix.length; i++) mix[i] += high[i];
        Audio down = Resampler.to(new Audio(mix, rate), 8000);
        assertEquals(8000, down.sampleRate());
        assertEquals(4000, down.samples().length, 1);
        Spectrogram s = Spectrogram.linear(down);
        float[] row = s.db()[10];
        int tone = (int) Math.round(440.0 * Spectrogram.WINDOW / 8000);
        assertEquals(tone, peakBand(row));
        // 6 kHz is above the new 4 kHz Nyquist: without a low-pass it would fold to 2 kHz
        int alias = (int) Math.round(2000.0 * Spectrogram.WINDOW / 8000);
        assertTrue(row[tone] - row[alias] > 40, "the 6 kHz tone does not alias to 2 kHz: " + (row[tone] - row[alias]) + " dB down");
    }

    /** The resampler reads its kernel from a table: each output sample as the windowed sinc itself gives it. */
    @ParameterizedTest
    @ValueSource(ints = {5000, 7999, 22050, 48000, 191999})
    void resamplingMatchesTheWindowedSincFormula(int rate) {
        float[] in = new float[rate / 10];
        java.util.Random r = new java.util.Random(rate);
        for (int i = 0; i < in.length; i++) in[i] = (float) (r.nextGaussian() * 0.3);
        float[] out = Resampler.to(new Audio(in, rate), 8000).samples();
        double ratio = 8000.0 / rate, cutoff = Math.min(1, ratio) * 0.95, reach = 16 / cutoff;
        for (int i = 0; i < out.length; i += 7) {
            double centre = i / ratio, sum = 0, weights = 0;
            for (int k = Math.max(0, (int) Math.ceil(centre - reach)); k <= Math.min(in.length - 1, (int) Math.floor(centre + reach)); k++) {
                double u = (k - centre) * cutoff, a = Math.PI * (u / 16 + 1);
                double w = (u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u)) * (0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a));
                sum += w * in[k];
                weights += w;
            }
            assertEquals(sum / weights, out[i], 1e-5, "output sample " + i + " of " + rate + " Hz");
        }
    }

    @Test
    void silenceIsTrimmedAndASilentClipRefused() {
        float[] s = new float[8000];
        float[] tone = Wavs.sine(500, 8000, 0.2, 0.5);
        System.arraycopy(tone, 0, s, 3000, tone.length);
        Audio trimmed = SilenceTrimmer.trim(new Audio(s, 8000));
        assertEquals(1600 + 160, trimmed.samples().length, 200, "the tone plus a frame of margin each side");
        assertThrows(AudioProblem.class, () -> SilenceTrimmer.trim(new Audio(new float[8000], 8000)));
    }

    @Test
    void theNetworksInputIsOneSecondScaledToZeroOne() {
        SpeechInput in = SpeechInput.of(new Audio(Wavs.sine(700, 16000, 0.4, 0.3), 16000));
        assertEquals(SpeechInput.BANDS, in.values().length);
        assertEquals(SpeechInput.FRAMES, in.values()[0].length);
        float max = 0;
        for (float[] row : in.values()) for (float v : row) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6);
        assertEquals(0f, in.values()[5][0], "a short clip is centred in silence");
        float[] seq = in.sequence(9);
        assertEquals(SpeechInput.BANDS * 9 * SpeechInput.FRAMES, seq.length);
        // feature (band b, w = 4) at time t is the band at time t itself
        assertEquals(in.values()[12][50], seq[(12 * 9 + 4) * SpeechInput.FRAMES + 50]);
        assertEquals(in.values()[12][49], seq[(12 * 9 + 3) * SpeechInput.FRAMES + 50]);
    }
}
