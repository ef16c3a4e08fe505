package cnnlab.speech;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * A clip's energy over time and frequency, as the lecture draws it: time on x, frequency on y, colour = energy in dB.
 * Short-time Fourier transform (JTransforms) with a Hann window; on the linear scale one row per FFT bin, on the mel
 * scale one row per triangular band (spaced as the ear hears pitch).
 *
 * @param db          energy in dB, [frame][band], band 0 = lowest frequency
 * @param frequencies the centre frequency of each band in Hz
 * @param hopSeconds  time between frames
 */
public record Spectrogram(float[][] db, float[] frequencies, double hopSeconds, boolean mel) {
    /** 32 ms windows every 10 ms at 8 kHz: the model cards state these. */
    public static final int WINDOW = 256, HOP = 80;
    public static final int MEL_BANDS = 40;
    private static final double FLOOR = 1e-10;

    public int frames() {
        return db.length;
    }

    public int bands() {
        return frequencies.length;
    }

    public static Spectrogram linear(Audio audio) {
        float[][] power = power(audio);
        float[] hz = new float[WINDOW / 2 + 1];
        for (int k = 0; k < hz.length; k++) hz[k] = (float) (k * audio.sampleRate() / (double) WINDOW);
        return new Spectrogram(toDb(power), hz, HOP / (double) audio.sampleRate(), false);
    }

    public static Spectrogram mel(Audio audio) {
        float[][] power = power(audio);
        MelBands bank = MelBands.of(MEL_BANDS, WINDOW, audio.sampleRate());
        float[][] mel = new float[power.length][];
        for (int f = 0; f < power.length; f++) mel[f] = bank.apply(power[f]);
        return new Spectrogram(toDb(mel), bank.centres(), HOP / (double) audio.sampleRate(), true);
    }

    /** |STFT|^2, [frame][bin]; a clip shorter than one window is padded with silence to one frame. */
    static float[][] power(Audio audio) {
        float[] s = audio.samples();
        int frames = s.length <= WINDOW ? 1 : 1 + (s.length - WINDOW + HOP - 1) / HOP;
        float[] window = new float[WINDOW];
        for (int i = 0; i < WINDOW; i++) window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW));
        FloatFFT_1D fft = new FloatFFT_1D(WINDOW);
        float[][] out = new float[frames][WINDOW / 2 + 1];
        float[] buf = new float[WINDOW];
        for (int f = 0; f < frames; f++) {
            int start = f * HOP;
            for (int i = 0; i < WINDOW; i++) buf[i] = start + i < s.length ? s[start + i] * window[i] : 0;
            fft.realForward(buf);
            // packed layout: buf[0] = Re(0), buf[1] = Re(N/2), then (Re, Im) pairs for bins 1 .. N/2-1
            out[f][0] = buf[0] * buf[0];
            out[f][WINDOW / 2] = buf[1] * buf[1];
            for (int k = 1; k < WINDOW / 2; k++) out[f][k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
        }
        return out;
    }

    private static float[][] toDb(float[][] power) {
        float[][] db = new float[power.length][];
        for (int f = 0; f < power.length; f++) {
            db[f] = new float[power[f].length];
            for (int k = 0; k < db[f].length; k++) db[f][k] = (float) (10 * Math.log10(power[f][k] + FLOOR));
        }
        return db;
    }

    public float maxDb() {
        float m = Float.NEGATIVE_INFINITY;
        for (float[] row : db) for (float v : row) m = Math.max(m, v);
        return m;
    }
}
