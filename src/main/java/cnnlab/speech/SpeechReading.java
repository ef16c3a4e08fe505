package cnnlab.speech;

import java.util.Map;

/**
 * What the speech page shows for one clip: the audio as the networks heard it (8 kHz, trimmed), its spectrograms,
 * the networks' input, each network's prediction, and the frequency-only net's first-layer responses.
 *
 * @param conv1 the frequency-only net's conv1 output after ReLU, [filter][band][frame] (16 x 36 x 100); empty when
 *              that net is not loaded
 */
public record SpeechReading(Audio audio, Spectrogram linear, Spectrogram mel, SpeechInput input,
                            Map<SpeechNet, Prediction> predictions, float[][][] conv1) {

    /** One network's answer. */
    public record Prediction(int label, float[] probabilities) {
        public static Prediction of(float[] p) {
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            return new Prediction(best, p);
        }
    }
}
