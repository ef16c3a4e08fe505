package cnnlab.speech;

import java.util.Arrays;

/**
 * Cuts leading and trailing silence: 10 ms frames quieter than 35 dB below the loudest frame go, keeping one frame
 * of margin on each side (the Free Spoken Digit Dataset clips were trimmed like this before training).
 */
public final class SilenceTrimmer {
    private static final double THRESHOLD_DB = -35;

    private SilenceTrimmer() { }

    public static Audio trim(Audio audio) {
        float[] s = audio.samples();
        int frame = Math.max(1, audio.sampleRate() / 100);
        int frames = (s.length + frame - 1) / frame;
        double[] energy = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = f * frame; i < Math.min(s.length, (f + 1) * frame); i++) e += s[i] * (double) s[i];
            energy[f] = e / frame;
            max = Math.max(max, energy[f]);
        }
        if (max < 1e-9) throw new AudioProblem("the clip is silent");
        double threshold = max * Math.pow(10, THRESHOLD_DB / 10);
        int first = 0, last = frames - 1;
        while (energy[first] < threshold) first++;
        while (energy[last] < threshold) last--;
        int from = Math.max(0, first - 1) * frame, to = Math.min(s.length, (last + 2) * frame);
        return new Audio(Arrays.copyOfRange(s, from, to), audio.sampleRate());
    }
}
