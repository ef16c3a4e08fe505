package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchedInferenceTest {
    private static float[] randomImage(Random r) {
        float[] x = new float[LectureCnn.PIXELS];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }

    @Test
    void concurrentCallersEachGetTheirOwnImagesAnswer() throws Exception {
        MultiLayerNetwork net = LectureCnn.create(3, 1e-3);
        Random r = new Random(1);
        int n = 200;
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) images.add(randomImage(r));
        // the reference: one image at a time, on this thread, before the queue exists
        List<float[]> expected = new ArrayList<>();
        for (float[] x : images) {
            INDArray out = net.output(Nd4j.create(x, new long[]{1, 1, 28, 28}, DataType.FLOAT));
            expected.add(out.data().asFloat());
        }
        ExecutorService users = Executors.newFixedThreadPool(16);
        try (BatchedInference inference = new BatchedInference(net, 64, 1024)) {
            List<CompletableFuture<LayerActivations>> answers = new ArrayList<>();
            for (float[] x : images) answers.add(CompletableFuture.supplyAsync(() -> inference.submit(x).join(), users));
            for (int i = 0; i < n; i++) {
                LayerActivations a = answers.get(i).get();
                assertArrayEquals(expected.get(i), a.probabilities(), 1e-5f, "image " + i);
                assertArrayEquals(images.get(i), a.input());
                for (int l = 0; l < LectureCnn.LAYERS.size(); l++) assertEquals(LectureCnn.LAYERS.get(l).size(), a.layer(l).length);
            }
        } finally {
            users.shutdownNow();
        }
    }

    /** The fast pass gives every layer exactly as DL4J's own feedForward does, for batches padded or not. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 8})
    void everyLayerMatchesTheDl4jNetwork(int n) throws Exception {
        MultiLayerNetwork net = ShippedModel.network();
        Random r = new Random(n);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) images.add(randomImage(r));
        float[] x = new float[n * LectureCnn.PIXELS];
        for (int i = 0; i < n; i++) System.arraycopy(images.get(i), 0, x, i * LectureCnn.PIXELS, LectureCnn.PIXELS);
        List<INDArray> reference;
        synchronized (net) {
            reference = net.feedForward(Nd4j.create(x, new long[]{n, 1, 28, 28}, DataType.FLOAT), false);
        }
        try (InputGradients pass = InputGradients.forwardOnly(LectureWeights.of(net), n == 3 ? 4 : n)) {
            float[] padded = java.util.Arrays.copyOf(x, pass.batch() * LectureCnn.PIXELS);
            pass.forward(padded, InputGradients.Depth.OUTPUT);
            List<LayerActivations> fast = pass.layerActivations(padded, n);
            assertEquals(n, fast.size());
            for (int i = 0; i < n; i++) {
                assertArrayEquals(images.get(i), fast.get(i).input());
                for (int l = 0; l < LectureCnn.LAYERS.size(); l++) {
                    float[] expected = reference.get(l + 1).get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup('c').data().asFloat();
                    assertArrayEquals(expected, fast.get(i).layer(l), 2e-4f, "image " + i + ", layer " + LectureCnn.LAYERS.get(l).name());
                }
            }
        }
        try (BatchedInference inference = new BatchedInference(net, 64, 64)) {
            LayerActivations one = inference.submit(images.get(0)).get();
            float[] expected = reference.get(6).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).dup('c').data().asFloat();
            assertArrayEquals(expected, one.probabilities(), 1e-5f);
        }
    }

    /** Under load the results threads are the queue: a verdict someone waits for is handed back before previews. */
    @Test
    void awaitedAnswersAreHandedBackBeforeWaitingPreviews() throws Exception {
        MultiLayerNetwork net = LectureCnn.create(3, 1e-3);
        Random r = new Random(2);
        try (BatchedInference inference = new BatchedInference(net, 64, 1024, 1)) {
            java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            // the only results thread is kept busy by the first preview's continuation
            CompletableFuture<Void> first = inference.submitPreview(randomImage(r)).thenRun(() -> {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "preview " + i;
                rest.add(inference.submitPreview(randomImage(r)).thenRun(() -> order.add(name)));
            }
            rest.add(inference.submit(randomImage(r)).thenRun(() -> order.add("awaited")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inference.waitingDeliveries() < 5 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(5, inference.waitingDeliveries(), "all five answers computed and waiting to be handed back");
            hold.countDown();
            first.get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(List.of("awaited", "preview 0", "preview 1", "preview 2", "preview 3"), order);
        }
    }

    @Test
    void aFullQueueRefusesInsteadOfGrowing() {
        MultiLayerNetwork net = LectureCnn.create(3, 1e-3);
        try (BatchedInference inference = new BatchedInference(net, 1, 1)) {
            List<CompletableFuture<LayerActivations>> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) all.add(inference.submit(new float[LectureCnn.PIXELS]));
            long refused = all.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            org.junit.jupiter.api.Assertions.assertTrue(refused > 0, "a queue of one must refuse some of 500 instant requests");
            all.stream().filter(f -> !f.isCompletedExceptionally()).forEach(CompletableFuture::join);
        }
    }

    @Test
    void wrongSizedImagesAreRejected() {
        try (BatchedInference inference = new BatchedInference(LectureCnn.create(3, 1e-3), 8, 8)) {
            assertThrows(IllegalArgumentException.class, () -> inference.submit(new float[10]));
        }
    }

    @Test
    void totalActivationIsTheSumOfTheMap() {
        float[] conv2 = new float[LectureCnn.LAYERS.get(2).size()];
        for (int i = 121 * 3; i < 121 * 4; i++) conv2[i] = 0.5f;
        List<float[]> layers = new ArrayList<>();
        for (int l = 0; l < LectureCnn.LAYERS.size(); l++) layers.add(l == 2 ? conv2 : new float[LectureCnn.LAYERS.get(l).size()]);
        LayerActivations a = new LayerActivations(new float[784], layers);
        assertEquals(60.5, a.totalActivation(2, 3), 1e-9);
        assertEquals(0.0, a.totalActivation(2, 4), 1e-9);
    }
}
