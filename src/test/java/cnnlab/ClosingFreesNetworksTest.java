package cnnlab;

import cnnlab.digits.DigitsService;
import cnnlab.go.GoService;
import cnnlab.go.PolicyNet;
import cnnlab.jobs.JobRunner;
import cnnlab.nn.ShippedModel;
import cnnlab.speech.SpeechNet;
import cnnlab.speech.SpeechService;
import cnnlab.text.KimCnn;
import cnnlab.text.Sentence;
import cnnlab.text.SentimentModel;
import cnnlab.text.TextModel;
import cnnlab.text.TextService;
import cnnlab.text.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Lab.close() relies on: each service frees the native memory of the networks it was given, and only then. */
class ClosingFreesNetworksTest {
    @Test
    void theDigitsServiceFreesItsNetworkOnceItsInferenceThreadHasStopped() {
        MultiLayerNetwork net = ShippedModel.network().clone();
        DigitsService digits = new DigitsService(net);
        assertFalse(net.params().wasClosed());
        digits.close();
        assertTrue(net.params().wasClosed());
    }

    @Test
    void theSpeechServiceFreesBothNetworks() {
        MultiLayerNetwork frequency = SpeechNet.FREQUENCY.create(1, 1e-3), twoD = SpeechNet.TWO_D.create(1, 1e-3);
        SpeechService speech = new SpeechService(Map.of(SpeechNet.FREQUENCY, frequency, SpeechNet.TWO_D, twoD));
        speech.close();
        assertTrue(frequency.params().wasClosed());
        assertTrue(twoD.params().wasClosed());
    }

    @Test
    void theGoServiceFreesBothPolicyNetworks() {
        MultiLayerNetwork unpooled = PolicyNet.UNPOOLED.create(1, 1e-3), pooled = PolicyNet.POOLED.create(1, 1e-3);
        JobRunner jobs = new JobRunner(1, 4);
        try {
            new GoService(Map.of(PolicyNet.UNPOOLED, unpooled, PolicyNet.POOLED, pooled), Map.of(), jobs).close();
        } finally {
            jobs.close();
        }
        assertTrue(unpooled.params().wasClosed());
        assertTrue(pooled.params().wasClosed());
    }

    @Test
    void theTextServiceFreesEveryModelsNetwork() {
        Vocabulary v = Vocabulary.of(List.of(new Sentence(List.of("a", "good", "film"), 1)));
        TextModel model = new TextModel(KimCnn.create(v.size(), 8, 1, 1e-3), v);
        new TextService(Map.of(SentimentModel.MR, model)).close();
        assertTrue(model.net().params().wasClosed());
    }
}
