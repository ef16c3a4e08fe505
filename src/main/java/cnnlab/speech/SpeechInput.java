package cnnlab.speech;

/**
 * What the spoken-digit networks read: the clip at 8 kHz, silence trimmed, as a 40-band log-mel spectrogram of
 * exactly {@link #FRAMES} frames (1 s: the loudest second of a longer clip, a shorter one centred in silence), each
 * value scaled from [max - 80 dB, max] to [0, 1] so that loudness does not matter.
 *
 * @param values [band][frame], band 0 = lowest
 */
public record SpeechInput(float[][] values) {
    public static final int RATE = 8000;
    public static final int FRAMES = 100;
    public static final int BANDS = Spectrogram.MEL_BANDS;
    private static final float RANGE_DB = 80;

    /** From any clip (any rate): resample, trim, spectrogram, fixed length, scale. */
    public static SpeechInput of(Audio audio) {
        return fromSpectrogram(Spectrogram.mel(SilenceTrimmer.trim(Resampler.to(audio, RATE))));
    }

    public static SpeechInput fromSpectrogram(Spectrogram mel) {
        float[][] db = mel.db();
        int n = db.length;
        int start = n <= FRAMES ? 0 : loudestWindow(db);
        int pad = n <= FRAMES ? (FRAMES - n) / 2 : 0;
        float max = mel.maxDb();
        float[][] v = new float[BANDS][FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            int src = start + t - pad;
            for (int b = 0; b < BANDS; b++) {
                float d = src >= 0 && src < n ? db[src][b] : max - RANGE_DB;
                v[b][t] = Math.max(0, (d - (max - RANGE_DB)) / RANGE_DB);
            }
        }
        return new SpeechInput(v);
    }

    private static int loudestWindow(float[][] db) {
        double[] energy = new double[db.length];
        for (int t = 0; t < db.length; t++) for (float d : db[t]) energy[t] += Math.pow(10, d / 10);
        double window = 0, best = -1;
        int bestStart = 0;
        for (int t = 0; t < db.length; t++) {
            window += energy[t];
            if (t >= FRAMES) window -= energy[t - FRAMES];
            if (t >= FRAMES - 1 && window > best) {
                best = window;
                bestStart = t - FRAMES + 1;
            }
        }
        return bestStart;
    }

    /**
     * The network's input row for one clip: for each frame t, the bands of frames t - (context-1)/2 .. t + (context-1)/2
     * (band-major), so that a convolution over a (bands x context) patch is a 2D convolution along time too. With
     * context 1 each frame stands alone: filters can only slide along frequency.
     */
    public float[] sequence(int context) {
        int half = (context - 1) / 2;
        float[] out = new float[BANDS * context * FRAMES];
        // layout [feature = band * context + w][time], as DL4J's recurrent input [features, time]
        for (int b = 0; b < BANDS; b++) {
            for (int w = 0; w < context; w++) {
                int feature = b * context + w;
                for (int t = 0; t < FRAMES; t++) {
                    int src = t - half + w;
                    out[feature * FRAMES + t] = src >= 0 && src < FRAMES ? values[b][src] : 0;
                }
            }
        }
        return out;
    }
}
