package cnnlab.speech;

/** Triangular filters evenly spaced on the mel scale (HTK formula: mel = 2595 log10(1 + f/700)), 0 Hz to Nyquist. */
final class MelBands {
    private final float[][] weights;   // [band][fft bin]
    private final float[] centres;

    private MelBands(float[][] weights, float[] centres) {
        this.weights = weights;
        this.centres = centres;
    }

    static double toMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double toHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    static MelBands of(int bands, int fftSize, int sampleRate) {
        int bins = fftSize / 2 + 1;
        double maxMel = toMel(sampleRate / 2.0);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) edges[i] = toHz(maxMel * i / (bands + 1));
        float[][] w = new float[bands][bins];
        float[] centres = new float[bands];
        for (int b = 0; b < bands; b++) {
            double lo = edges[b], mid = edges[b + 1], hi = edges[b + 2];
            centres[b] = (float) mid;
            for (int k = 0; k < bins; k++) {
                double f = k * sampleRate / (double) fftSize;
                double v = f <= lo || f >= hi ? 0 : f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                w[b][k] = (float) v;
            }
            // a band narrower than one bin would be empty: give it its nearest bin
            float sum = 0;
            for (float v : w[b]) sum += v;
            if (sum == 0) w[b][(int) Math.min(bins - 1, Math.round(mid * fftSize / sampleRate))] = 1;
        }
        return new MelBands(w, centres);
    }

    float[] apply(float[] power) {
        float[] out = new float[weights.length];
        for (int b = 0; b < weights.length; b++) {
            double s = 0;
            for (int k = 0; k < power.length; k++) s += weights[b][k] * power[k];
            out[b] = (float) s;
        }
        return out;
    }

    float[] centres() {
        return centres.clone();
    }
}
