package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each filter fires on across a corpus agrees with reading the sentences one by one, and survives a file. */
class FilterNgramsTest {
    @Test
    void eachFiltersTopNgramIsItsStrongestMaxOverTimeWinner(@TempDir Path dir) throws Exception {
        List<Sentence> corpus = List.of(
                new Sentence(List.of("not", "good", "at", "all"), 0),
                new Sentence(List.of("a", "very", "good", "film", "with", "a", "great", "cast"), 1),
                new Sentence(List.of("dull"), 0));
        Vocabulary v = Vocabulary.of(corpus);
        ComputationGraph net = KimCnn.create(v.size(), 6, 5, 1e-3);
        FilterNgrams ngrams = FilterNgrams.compute(net, v, corpus, 3);
        SentenceReader reader = new SentenceReader(net, v);
        int checked = 0;
        for (int h : KimCnn.WIDTHS) {
            for (int k = 0; k < KimCnn.FILTERS; k++) {
                float strongest = 0;
                String words = null;
                for (Sentence s : corpus) {   // one by one, as the page reads them
                    SentenceReading r = reader.read(s.tokens(), KimCnn.WIDTHS.size() * KimCnn.FILTERS);
                    for (SentenceReading.Hit hit : r.top()) {
                        if (hit.width() == h && hit.filter() == k && hit.value() > strongest) {
                            strongest = hit.value();
                            words = r.ngram(hit);
                        }
                    }
                }
                List<FilterNgrams.Ngram> top = ngrams.of(h, k);
                if (words == null) continue;
                assertEquals(strongest, top.get(0).response(), 1e-4, h + "/" + k);
                assertEquals(words, top.get(0).words(), h + "/" + k);
                assertTrue(top.size() <= 3);
                checked++;
            }
        }
        assertTrue(checked > 100, "most filters fire somewhere: " + checked);
        Path file = dir.resolve("m.ngrams.tsv");
        ngrams.write(file);
        FilterNgrams back = FilterNgrams.read(file);
        assertEquals(ngrams.of(4, 7).size(), back.of(4, 7).size());
        assertEquals(ngrams.of(4, 7).get(0).words(), back.of(4, 7).get(0).words());
        assertTrue(FilterNgrams.read(dir.resolve("missing.tsv")).isEmpty());
    }
}
