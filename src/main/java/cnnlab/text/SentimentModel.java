package cnnlab.text;

/**
 * The shipped sentence-polarity models: each of Kim (2014)'s two datasets here, with embeddings learned from scratch
 * (CNN-rand) or started from word vectors the project pre-trained and then fine-tuned (CNN-non-static).
 */
public enum SentimentModel {
    MR(Dataset.MR, Embeddings.RANDOM),
    SST2(Dataset.SST2, Embeddings.RANDOM),
    MR_W2V(Dataset.MR, Embeddings.WORD2VEC),
    SST2_W2V(Dataset.SST2, Embeddings.WORD2VEC);

    /** Where the labelled sentences come from. */
    public enum Dataset {
        MR("mr", "MR: movie-review snippets (Pang & Lee 2005)"),
        SST2("sst2", "SST-2: Stanford Sentiment Treebank sentences (Socher et al. 2013)");

        private final String id, description;

        Dataset(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /** How the word embeddings started. */
    public enum Embeddings {
        RANDOM("", "Learned from scratch (CNN-rand)"),
        WORD2VEC("-w2v", "Pre-trained by word2vec, then fine-tuned (CNN-non-static)");

        private final String suffix, description;

        Embeddings(String suffix, String description) {
            this.suffix = suffix;
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Dataset dataset;
    private final Embeddings embeddings;

    SentimentModel(Dataset dataset, Embeddings embeddings) {
        this.dataset = dataset;
        this.embeddings = embeddings;
    }

    /** The REST API's name: mr, sst2, mr-w2v, sst2-w2v. */
    public String id() {
        return dataset.id + embeddings.suffix;
    }

    /** The file in models/ (and the {@code train}/{@code evaluate} name without ".zip"). */
    public String file() {
        return "text-" + id() + ".zip";
    }

    public Dataset dataset() {
        return dataset;
    }

    public Embeddings embeddings() {
        return embeddings;
    }

    public String description() {
        return dataset.description + "; embeddings: " + embeddings.description;
    }

    public static SentimentModel of(Dataset dataset, Embeddings embeddings) {
        for (SentimentModel m : values()) if (m.dataset == dataset && m.embeddings == embeddings) return m;
        throw new IllegalArgumentException(dataset + " " + embeddings);
    }

    /** The model named {@code id} (see {@link #id()}), null if there is none. */
    public static SentimentModel byId(String id) {
        for (SentimentModel m : values()) if (m.id().equals(id)) return m;
        return null;
    }

    /** The model {@code train}/{@code evaluate} call {@code name} (text-mr, text-sst2-w2v, ...), null if none. */
    public static SentimentModel byCommandName(String name) {
        return name.startsWith("text-") ? byId(name.substring("text-".length())) : null;
    }
}
