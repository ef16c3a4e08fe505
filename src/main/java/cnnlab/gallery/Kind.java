package cnnlab.gallery;

/** The page a saved picture comes from: its name on the gallery's cards and the route its card links back to. */
public enum Kind {
    FEATURES("What does it learn?", "features"),
    DREAM("Deep Dream", "dream"),
    STYLE("Deep Style", "style");

    private final String label;
    private final String route;

    Kind(String label, String route) {
        this.label = label;
        this.route = route;
    }

    public String label() {
        return label;
    }

    public String route() {
        return route;
    }
}
