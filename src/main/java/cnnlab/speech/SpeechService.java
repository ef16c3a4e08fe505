package cnnlab.speech;

import cnnlab.jobs.JobRunner;
import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Reads spoken digits with both speech networks. A clip is decoded, resampled, trimmed and turned into spectrograms
 * here; each network (not thread-safe) is used by one caller at a time, and callers run on the server's job pool.
 */
public final class SpeechService implements AutoCloseable {
    private final Map<SpeechNet, MultiLayerNetwork> nets;
    private final Map<SpeechNet, Double> accuracies;
    private final float[][] frequencyFilters;   // copied once: the page shows them for every clip

    public SpeechService(Map<SpeechNet, MultiLayerNetwork> nets) {
        this(nets, Map.of());
    }

    private SpeechService(Map<SpeechNet, MultiLayerNetwork> nets, Map<SpeechNet, Double> accuracies) {
        this.nets = Collections.unmodifiableMap(new EnumMap<>(nets));
        this.accuracies = Map.copyOf(accuracies);
        this.frequencyFilters = copyFilters(this.nets.get(SpeechNet.FREQUENCY));
    }

    /** Loads the shipped speech models found in {@code models} (a missing one is simply not offered). */
    public static SpeechService load(Path models) {
        Map<SpeechNet, MultiLayerNetwork> nets = new EnumMap<>(SpeechNet.class);
        Map<SpeechNet, Double> accuracies = new EnumMap<>(SpeechNet.class);
        for (SpeechNet n : SpeechNet.values()) {
            Path f = models.resolve(n.file());
            if (Files.isRegularFile(f)) nets.put(n, ModelFiles.load(f));
            ModelFacts.testAccuracy(models, n).ifPresent(a -> accuracies.put(n, a));
        }
        return new SpeechService(nets, accuracies);
    }

    /** The test accuracy its model card reports (FSDD test split), if known. */
    public OptionalDouble testAccuracy(SpeechNet net) {
        Double a = accuracies.get(net);
        return a == null ? OptionalDouble.empty() : OptionalDouble.of(a);
    }

    public boolean has(SpeechNet net) {
        return nets.containsKey(net);
    }

    public long parameters(SpeechNet net) {
        return nets.get(net).numParams();
    }

    /**
     * What reading {@code wav} costs the job pool, in its units (a quick reading is one), from the header alone: the
     * networks read one second at 8 kHz whatever came in, but decoding and resampling grow with the clip's samples.
     * A unit of that work is {@link #WORK_PER_UNIT}: a 10 s clip at 192 kHz costs 3, the 1.9 MB one of issue 19 costs 2
     * (its resampling alone cost ten times as much before the resampler stopped computing sin and cos per tap). A file
     * the reader will refuse costs 1: it fails at once.
     */
    public static int cost(byte[] wav) {
        try {
            WavReader.Header h = WavReader.header(wav);
            long work = 3L * h.frames() * h.channels() + Resampler.work(h.frames(), h.sampleRate(), SpeechInput.RATE);
            return 1 + (int) Math.round((double) work / WORK_PER_UNIT);
        } catch (AudioProblem e) {
            return 1;
        }
    }

    /**
     * Resampler multiply-adds per unit, a decoded sample counting three: ~70 ms of a core, the order of a short clip's
     * whole reading (thread CPU time on the shared, busy machine: 65 M multiply-adds 114 ms, decoding 10 M samples
     * 17 ms, a 1 s clip at 8 kHz read by both networks 150-170 ms).
     */
    private static final long WORK_PER_UNIT = 40_000_000L;

    /** {@link #read(byte[])} on the job pool, charged its {@link #cost}; an {@link AudioProblem} fails the future, as does a full pool. */
    public CompletableFuture<SpeechReading> submit(JobRunner jobs, byte[] wav) {
        return jobs.submit(JobRunner.Urgency.NOW, cost(wav), () -> CompletableFuture.completedFuture(read(wav)));
    }

    /** Decodes a WAV file and reads it; throws {@link AudioProblem} for audio it cannot use. */
    public SpeechReading read(byte[] wav) {
        return read(WavReader.read(wav));
    }

    public SpeechReading read(Audio raw) {
        if (nets.isEmpty()) throw new IllegalStateException("no speech model is installed (train one: train speech --data DIR)");
        Audio audio = SilenceTrimmer.trim(Resampler.to(raw, SpeechInput.RATE));
        Spectrogram mel = Spectrogram.mel(audio);
        SpeechInput input = SpeechInput.fromSpectrogram(mel);
        Map<SpeechNet, SpeechReading.Prediction> predictions = new EnumMap<>(SpeechNet.class);
        float[][][] conv1 = new float[0][][];
        for (Map.Entry<SpeechNet, MultiLayerNetwork> e : nets.entrySet()) {
            SpeechNet kind = e.getKey();
            INDArray x = Nd4j.create(input.sequence(kind.context()),
                    new long[]{1, (long) SpeechInput.BANDS * kind.context(), SpeechInput.FRAMES}, 'c');
            MultiLayerNetwork net = e.getValue();
            synchronized (net) {
                if (kind == SpeechNet.FREQUENCY) {
                    List<INDArray> acts = net.feedForward(x, false);
                    conv1 = conv1Maps(acts.get(1));
                    predictions.put(kind, SpeechReading.Prediction.of(acts.get(acts.size() - 1).data().asFloat()));
                    for (int i = 1; i < acts.size(); i++) acts.get(i).close();   // 0 is x itself
                } else {
                    try (INDArray p = net.output(x)) {
                        predictions.put(kind, SpeechReading.Prediction.of(p.data().asFloat()));
                    }
                }
            }
            x.close();
        }
        return new SpeechReading(audio, Spectrogram.linear(audio), mel, input, predictions, conv1);
    }

    /** conv1's output [frames, filters, bands, 1] (one image per frame) as [filter][band][frame]. */
    private static float[][][] conv1Maps(INDArray a) {
        int frames = (int) a.size(0), filters = (int) a.size(1), bands = (int) a.size(2);
        float[] flat = a.dup('c').data().asFloat();
        float[][][] out = new float[filters][bands][frames];
        for (int t = 0; t < frames; t++) {
            for (int f = 0; f < filters; f++) {
                for (int b = 0; b < bands; b++) out[f][b][t] = flat[(t * filters + f) * bands + b];
            }
        }
        return out;
    }

    /** The frequency-only net's conv1 kernel: [filter][5 taps along frequency], plus bias — for the sliding animation. */
    public float[][] frequencyFilters() {
        return frequencyFilters;
    }

    private static float[][] copyFilters(MultiLayerNetwork net) {
        if (net == null) return new float[0][];
        INDArray w = net.getLayer(0).getParam("W");   // [16, 1, 5, 1]
        float[] flat = w.dup('c').data().asFloat();
        float[][] out = new float[(int) w.size(0)][(int) w.size(2)];
        for (int f = 0; f < out.length; f++) System.arraycopy(flat, f * out[f].length, out[f], 0, out[f].length);
        return out;
    }

    /** Frees the networks' native memory; call once nothing reads them any more (the job pool has stopped). */
    @Override
    public void close() {
        nets.values().forEach(MultiLayerNetwork::close);
    }
}
