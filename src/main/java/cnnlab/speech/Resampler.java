package cnnlab.speech;

/**
 * Changes a clip's sample rate by band-limited interpolation: each output sample is a windowed-sinc (Blackman)
 * weighted sum of the input around its position. When going down, the sinc is widened so that it is also the
 * low-pass filter that keeps frequencies above the new Nyquist limit from folding back (aliasing).
 */
public final class Resampler {
    /** Zero crossings of the sinc on each side: enough for > 70 dB of stop-band with the Blackman window. */
    private static final int HALF_WIDTH = 16;

    private Resampler() { }

    public static Audio to(Audio audio, int rate) {
        if (audio.sampleRate() == rate) return audio;
        double ratio = (double) rate / audio.sampleRate();
        double cutoff = Math.min(1.0, ratio) * 0.95;   // as a fraction of the input's Nyquist, a little margin
        float[] in = audio.samples();
        int n = (int) Math.max(1, Math.round(in.length * ratio));
        float[] out = new float[n];
        double reach = HALF_WIDTH / cutoff;   // in input samples
        for (int i = 0; i < n; i++) {
            double centre = i / ratio;
            int from = (int) Math.ceil(centre - reach), to = (int) Math.floor(centre + reach);
            double sum = 0, weights = 0;
            for (int k = Math.max(0, from); k <= Math.min(in.length - 1, to); k++) {
                double x = k - centre;
                double w = cutoff * sinc(cutoff * x) * blackman(x / reach);
                sum += w * in[k];
                weights += w;
            }
            out[i] = (float) (weights != 0 ? sum / weights : 0);
        }
        return new Audio(out, rate);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Blackman window on [-1, 1]. */
    private static double blackman(double t) {
        if (t <= -1 || t >= 1) return 0;
        double a = Math.PI * (t + 1);
        return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
    }
}
