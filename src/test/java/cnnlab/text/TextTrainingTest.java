package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training options tried on SST-2: frozen embeddings stay put, and dev is scored the asked number of times. */
class TextTrainingTest {
    private static final List<Sentence> SENTENCES = sentences();

    private static List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new Sentence(List.of("a", "good", "film", "number" + i), 1));
            out.add(new Sentence(List.of("a", "dull", "film", "number" + i), 0));
        }
        return out;
    }

    @Test
    void staticEmbeddingsStayAsInitialisedWhileTheFiltersLearn() {
        Vocabulary v = Vocabulary.of(SENTENCES);
        for (KimCnn.Embeddings e : KimCnn.Embeddings.values()) {
            for (KimCnn.Optimizer o : KimCnn.Optimizer.values()) {
                var s = new TextTraining.Settings(2, 10, 3, 1e-2, 8, false, o, 1, e, 0.25);
                ComputationGraph net = KimCnn.create(v.size(), 8, 3, s.network());
                INDArray table = net.getLayer(KimCnn.EMBEDDING).getParam("W").dup(), filters = net.getLayer(KimCnn.conv(3)).getParam("W").dup();
                new TextTraining(s, new PrintStream(PrintStream.nullOutputStream())).train(net, SENTENCES, v, List.of());
                String what = e + " " + o;
                assertNotEquals(filters, net.getLayer(KimCnn.conv(3)).getParam("W"), what + ": the filters learn");
                if (e == KimCnn.Embeddings.STATIC) assertEquals(table, net.getLayer(KimCnn.EMBEDDING).getParam("W"), what);
                else assertNotEquals(table, net.getLayer(KimCnn.EMBEDDING).getParam("W"), what);
            }
        }
    }

    @Test
    void devIsScoredAsOftenAsAskedAndTheBestPointIsKept() {
        Vocabulary v = Vocabulary.of(SENTENCES);
        var s = new TextTraining.Settings(3, 5, 1, 1e-3, 8, true, KimCnn.Optimizer.ADAM, 4, KimCnn.Embeddings.NON_STATIC, 0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TextTraining training = new TextTraining(s, new PrintStream(log, true, StandardCharsets.UTF_8));
        ComputationGraph net = training.train(KimCnn.create(v.size(), 8, 1, s.network()), SENTENCES, v, SENTENCES.subList(0, 10));
        List<String> checks = log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(12, checks.size(), String.join("\n", checks));   // 8 batches an epoch: after 2, 4, 6 and 8
        assertEquals("epoch 0.25", checks.get(0).substring(0, checks.get(0).indexOf(':')));
        double kept = training.keptEpoch();
        assertEquals(0, (kept * 4) % 1, 1e-9, "kept " + kept + ": a check point");
        double best = checks.stream().mapToDouble(l -> Double.parseDouble(l.replaceAll(".*accuracy ([0-9.]+) on.*", "$1"))).max().orElseThrow();
        assertEquals(best, TextTraining.accuracy(net, v, SENTENCES.subList(0, 10)), 1e-9, "the kept weights score the best check");
        assertTrue(kept > 0 && kept <= 3);
    }
}
