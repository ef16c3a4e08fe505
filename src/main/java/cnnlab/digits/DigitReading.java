package cnnlab.digits;

import cnnlab.nn.LayerActivations;

/** The network's reading of a drawing: the 28x28 image it saw and what every layer made of it. */
public record DigitReading(GrayImage networkInput, LayerActivations activations) {
    public int label() {
        return activations.predictedClass();
    }

    public float[] probabilities() {
        return activations.probabilities();
    }
}
