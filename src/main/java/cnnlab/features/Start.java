package cnnlab.features;

/** The image ascent starts from. */
public enum Start {
    NOISE("uniform noise (seeded)"),
    BLANK("blank"),
    /** The digit the user last drew on the digits page: "what would make my 3 look more like an 8?" */
    DRAWING("my drawing");

    private final String label;

    Start(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase();
    }
}
