package cnnlab.go;

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Go page's networks, shared by every session: both policy networks' predictions for a position, what the first
 * layer makes of it, and the facts from their model cards. A network is not thread-safe, so each is used by one
 * caller at a time; a forward pass on one board takes a few milliseconds, run on the job pool ({@link #read}). Uploaded
 * game records are read on that pool too: a student's file never costs a request or UI thread its parsing.
 */
public final class GoService implements AutoCloseable {
    /** The first convolution of a network on one position: its filters' maps after ReLU and the filters themselves. */
    public record FirstLayer(int filters, float[] maps, float[] weights, int kernel) {
        /** Filter {@code k}'s weights, one kernel x kernel map per input plane. */
        public float[] filter(int k) {
            int n = FeaturePlanes.PLANES * kernel * kernel;
            float[] f = new float[n];
            System.arraycopy(weights, k * n, f, 0, n);
            return f;
        }

        public float max() {
            float m = 0;
            for (float v : maps) m = Math.max(m, v);
            return m;
        }
    }

    private final Map<PolicyNet, MultiLayerNetwork> nets;
    private final Map<PolicyNet, PolicyFacts> facts;
    private final List<BuiltInGames.BuiltInGame> games = BuiltInGames.all();
    private final JobRunner jobs;

    public GoService(Map<PolicyNet, MultiLayerNetwork> nets, Map<PolicyNet, PolicyFacts> facts, JobRunner jobs) {
        this.jobs = jobs;
        this.nets = Collections.unmodifiableMap(nets.isEmpty() ? new EnumMap<>(PolicyNet.class) : new EnumMap<>(nets));
        this.facts = facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(facts));
    }

    /** Loads the shipped policy networks found in {@code models}; a missing one is simply not offered. Records are read on {@code jobs}. */
    public static GoService load(Path models, JobRunner jobs) {
        Map<PolicyNet, MultiLayerNetwork> nets = new EnumMap<>(PolicyNet.class);
        Map<PolicyNet, PolicyFacts> facts = new EnumMap<>(PolicyNet.class);
        for (PolicyNet n : PolicyNet.values()) {
            Path f = models.resolve(n.file());
            if (Files.isRegularFile(f)) nets.put(n, ModelFiles.load(f));
            PolicyFacts.read(models, n).ifPresent(x -> facts.put(n, x));
        }
        return new GoService(nets, facts, jobs);
    }

    public boolean has(PolicyNet net) {
        return nets.containsKey(net);
    }

    /** Held-out accuracy from the model card, if known. */
    public Optional<PolicyFacts> facts(PolicyNet net) {
        return Optional.ofNullable(facts.get(net));
    }

    public long parameters(PolicyNet net) {
        return nets.get(net).numParams();
    }

    public List<BuiltInGames.BuiltInGame> builtInGames() {
        return games;
    }

    /**
     * Reads an uploaded SGF file on the job pool (decoding and parsing, bounded by {@link Sgf}'s limits). The future
     * fails with {@link SgfProblem} for a file that is not a game record, RejectedExecutionException when the server
     * is busy.
     */
    public CompletableFuture<SgfGame> readRecord(byte[] file) {
        return jobs.submit(() -> {
            try {
                return CompletableFuture.completedFuture(Sgf.parse(file));
            } catch (SgfProblem p) {
                return CompletableFuture.failedFuture(p);
            }
        });
    }

    /**
     * Reads {@code position} (a copy the caller no longer changes) on the job pool: every available network's
     * prediction and, unless {@code firstLayerOf} is null, that network's first layer. The future fails with
     * RejectedExecutionException when the server is busy.
     */
    public CompletableFuture<PositionReading> read(Board position, PolicyNet firstLayerOf) {
        return jobs.submit(() -> CompletableFuture.completedFuture(new PositionReading(position, predict(position),
                firstLayerOf == null ? null : firstLayer(firstLayerOf, position))));
    }

    /** Every available network's move probabilities for the side to move on {@code board} (not modified). */
    public Map<PolicyNet, MovePrediction> predict(Board board) {
        Map<PolicyNet, MovePrediction> out = new EnumMap<>(PolicyNet.class);
        for (var e : nets.entrySet()) {
            MultiLayerNetwork net = e.getValue();
            synchronized (net) {
                out.put(e.getKey(), MovePrediction.of(net, board));
            }
        }
        return out;
    }

    /** The first layer of {@code kind} on {@code board}: what its 5x5 filters pick out of the input planes. */
    public FirstLayer firstLayer(PolicyNet kind, Board board) {
        MultiLayerNetwork net = nets.get(kind);
        if (net == null) throw new IllegalArgumentException(kind.id() + " is not loaded");
        INDArray x = Nd4j.create(FeaturePlanes.of(board), new long[] {1, FeaturePlanes.PLANES, Board.SIZE, Board.SIZE}, 'c');
        synchronized (net) {
            INDArray maps = net.feedForwardToLayer(0, x, false).get(1);   // [1, filters, 19, 19] after ReLU
            INDArray w = net.getLayer(0).getParam("W");                    // [filters, planes, k, k]
            return new FirstLayer((int) w.size(0), maps.dup('c').data().asFloat(), w.dup('c').data().asFloat(), (int) w.size(2));
        }
    }

    /** Frees the networks' native memory; call once nothing reads them any more (the job pool has stopped). */
    @Override
    public void close() {
        nets.values().forEach(MultiLayerNetwork::close);
    }
}
