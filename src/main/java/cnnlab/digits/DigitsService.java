package cnnlab.digits;

import cnnlab.jobs.JobRunner;
import cnnlab.nn.BatchedInference;
import cnnlab.nn.ConvFilters;
import cnnlab.nn.LayerActivations;
import cnnlab.nn.LectureCnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The digits service: drawings and pixel arrays in, the lecture CNN's reading out. No UI code here. */
public final class DigitsService implements AutoCloseable {
    private final MultiLayerNetwork net;
    private final BatchedInference inference;
    private final ConvFilters conv1, conv2;

    public DigitsService(MultiLayerNetwork net) {
        this.net = net;
        this.inference = new BatchedInference(net, 64, 1024);
        this.conv1 = ConvFilters.of(net, LectureCnn.CONV1);
        this.conv2 = ConvFilters.of(net, LectureCnn.CONV2);
    }

    /**
     * Preprocesses (on the calling thread) and classifies a drawing. An empty drawing reads as nothing:
     * the future completes with an empty Optional rather than a guess.
     */
    public CompletableFuture<Optional<DigitReading>> read(Drawing drawing) {
        return read(drawing, false);
    }

    /**
     * Parses a drawing as the pad sends it (JSON) and reads it, on the job pool: what the page asks for. A drawing at
     * rest goes first in the pool's queue; a {@code preview} (mid-stroke) goes after work someone waits for, and is
     * refused while the pool is busy. A malformed drawing fails the future with IllegalArgumentException.
     */
    public CompletableFuture<Optional<DigitReading>> submit(JobRunner jobs, String drawingJson, boolean preview) {
        return jobs.submit(preview ? JobRunner.Urgency.LIVE : JobRunner.Urgency.NOW, () -> read(Drawing.parse(drawingJson), preview));
    }

    /** As {@link #read(Drawing)}; a {@code preview} (a drawing mid-stroke) is answered after drawings at rest. */
    public CompletableFuture<Optional<DigitReading>> read(Drawing drawing, boolean preview) {
        if (drawing.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        Optional<GrayImage> mnist = MnistPreprocessor.toMnist(StrokeRenderer.render(drawing));
        if (mnist.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        GrayImage input = mnist.get();
        CompletableFuture<LayerActivations> a = preview ? inference.submitPreview(input.pixels()) : inference.submit(input.pixels());
        return a.thenApply(layers -> Optional.of(new DigitReading(input, layers)));
    }

    /** Classifies a 28x28 image as is (no preprocessing): the REST API's contract. */
    public CompletableFuture<LayerActivations> classify(float[] pixels) {
        return inference.submit(pixels);
    }

    /** The filters of conv layer {@link LectureCnn#CONV1} or {@link LectureCnn#CONV2}. */
    public ConvFilters filters(int layer) {
        return switch (layer) {
            case LectureCnn.CONV1 -> conv1;
            case LectureCnn.CONV2 -> conv2;
            default -> throw new IllegalArgumentException("layer " + layer + " is not a conv layer");
        };
    }

    @Override
    /** Stops the inference thread, then frees the network (this service owns it); kept if the thread would not stop. */
    public void close() {
        inference.close();
        if (inference.isStopped()) net.close();
    }
}
