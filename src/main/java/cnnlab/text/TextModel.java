package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained sentence CNN and the vocabulary its embedding rows belong to, stored side by side: {@code text-mr.zip}
 * (DL4J's format, no updater state), {@code text-mr.vocab.txt} (one word per line, row order) and, if computed,
 * {@code text-mr.ngrams.tsv} (what each filter fires on in the training sentences).
 */
public record TextModel(ComputationGraph net, Vocabulary vocabulary, FilterNgrams ngrams) {
    public TextModel(ComputationGraph net, Vocabulary vocabulary) {
        this(net, vocabulary, FilterNgrams.empty());
    }

    public static Path vocabularyFile(Path model) {
        return cnnlab.nn.ModelFiles.sibling(model, ".vocab.txt");
    }

    public static TextModel load(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalStateException("model file not found: " + file.toAbsolutePath());
        try {
            return new TextModel(ModelSerializer.restoreComputationGraph(file.toFile(), false), Vocabulary.read(vocabularyFile(file)),
                    FilterNgrams.read(FilterNgrams.file(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ModelSerializer.writeModel(net, file.toFile(), false);
        vocabulary.write(vocabularyFile(file));
    }
}
