package cnnlab.text;

/** The two sentence-polarity models, one per dataset of Kim (2014). */
public enum SentimentModel {
    MR("mr", "text-mr.zip", "MR: movie-review snippets (Pang & Lee 2005)"),
    SST2("sst2", "text-sst2.zip", "SST-2: Stanford Sentiment Treebank sentences (Socher et al. 2013)");

    private final String id, file, description;

    SentimentModel(String id, String file, String description) {
        this.id = id;
        this.file = file;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String file() {
        return file;
    }

    public String description() {
        return description;
    }

    public static SentimentModel byId(String id) {
        for (SentimentModel m : values()) if (m.id.equals(id)) return m;
        return null;
    }
}
