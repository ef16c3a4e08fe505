package cnnlab.speech;

/** A mono clip: samples in [-1, 1] at {@code sampleRate} Hz. */
public record Audio(float[] samples, int sampleRate) {
    public Audio {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive");
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
