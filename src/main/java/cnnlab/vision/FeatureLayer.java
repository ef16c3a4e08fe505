package cnnlab.vision;

/** One layer of a feature network that dreams and styles can be built on: its name, what it is, how many filters. */
public record FeatureLayer(String name, String description, int filters) {
    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
