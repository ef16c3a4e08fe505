package cnnlab.text;

import cnnlab.jobs.JobRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Classifies sentences with the shipped sentence CNNs and explains the verdicts; shared by every session and the
 * REST API. Input is checked first (nothing to read, over {@link Tokenizer#MAX_CHARS} characters, no words). A
 * network is used by one caller at a time; one sentence takes a few milliseconds, run on the job pool by callers.
 */
public final class TextService implements AutoCloseable {
    /** How many of the strongest filters a reading explains. */
    public static final int TOP_FILTERS = 8;

    private final Map<SentimentModel, SentenceReader> readers;
    private final Map<SentimentModel, FilterNgrams> ngrams;
    private final Map<SentimentModel, HeldOutAccuracy> accuracy = new EnumMap<>(SentimentModel.class);

    public TextService(Map<SentimentModel, TextModel> models) {
        Map<SentimentModel, SentenceReader> r = new EnumMap<>(SentimentModel.class);
        Map<SentimentModel, FilterNgrams> n = new EnumMap<>(SentimentModel.class);
        models.forEach((k, m) -> {
            r.put(k, new SentenceReader(m.net(), m.vocabulary()));
            n.put(k, m.ngrams());
        });
        readers = Collections.unmodifiableMap(r);
        ngrams = Collections.unmodifiableMap(n);
    }

    /** Loads the shipped sentence models found in {@code models}; a missing one is simply not offered. */
    public static TextService load(Path models) {
        Map<SentimentModel, TextModel> found = new EnumMap<>(SentimentModel.class);
        for (SentimentModel m : SentimentModel.values()) {
            Path f = models.resolve(m.file());
            if (Files.isRegularFile(f) && Files.isRegularFile(TextModel.vocabularyFile(f))) found.put(m, TextModel.load(f));
        }
        TextService service = new TextService(found);
        for (SentimentModel m : found.keySet()) HeldOutAccuracy.read(models.resolve(m.file())).ifPresent(a -> service.accuracy.put(m, a));
        return service;
    }

    public boolean has(SentimentModel model) {
        return readers.containsKey(model);
    }

    /** The n-grams a filter of {@code model} fires on most in its training sentences (empty if not computed). */
    public List<FilterNgrams.Ngram> ngrams(SentimentModel model, int width, int filter) {
        FilterNgrams f = ngrams.get(model);
        return f == null ? List.of() : f.of(width, filter);
    }

    /** What {@code model}'s card reports, if it does. */
    public java.util.Optional<HeldOutAccuracy> accuracy(SentimentModel model) {
        return java.util.Optional.ofNullable(accuracy.get(model));
    }

    public List<SentimentModel> available() {
        return List.copyOf(readers.keySet());
    }

    /** The tokens of {@code text} after the checks every entry point applies. */
    public static List<String> tokens(String text) throws TextProblem {
        if (text == null || text.isBlank()) throw new TextProblem("Type a sentence: there is nothing to read yet.");
        if (text.length() > Tokenizer.MAX_CHARS) {
            throw new TextProblem(String.format(Locale.ROOT, "That text has %,d characters; the networks read at most %,d "
                    + "(a sentence or two).", text.length(), Tokenizer.MAX_CHARS));
        }
        List<String> tokens = Tokenizer.tokens(text);
        if (tokens.isEmpty()) throw new TextProblem("There are no words in that text (letters or digits) for the networks to read.");
        return tokens;
    }

    /** {@link #read} on the job pool; a {@link TextProblem} fails the future (as does a full pool). */
    public CompletableFuture<SentenceReading> submit(JobRunner jobs, String text, SentimentModel model) {
        return jobs.submit(() -> {
            try {
                return CompletableFuture.completedFuture(read(text, model));
            } catch (TextProblem e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    public SentenceReading read(String text, SentimentModel model) throws TextProblem {
        List<String> tokens = tokens(text);
        SentenceReader reader = readers.get(model);
        if (reader == null) throw new TextProblem("The " + model.id() + " model is not installed on this server.");
        synchronized (reader) {
            return reader.read(tokens, TOP_FILTERS);
        }
    }

    /** Frees every model's network; call once nothing reads them any more (the job pool has stopped). */
    @Override
    public void close() {
        readers.values().forEach(SentenceReader::close);
    }
}
