package cnnlab.vision;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The paintings and photographs shipped inside the app (resources cnnlab/art, with ATTRIBUTION.md), each with the
 * attribution line the pages display under it.
 */
public record BuiltInImage(String id, String title, String attribution, Kind kind, String file) {
    public enum Kind { PHOTO, PAINTING }

    public static final List<BuiltInImage> ALL = List.of(
            new BuiltInImage("tubingen", "Tübingen, Neckarfront", "“Tuebingen Neckarfront” by Andreas Praefcke, CC BY 3.0, via Wikimedia Commons; resized.", Kind.PHOTO, "tubingen.jpg"),
            new BuiltInImage("chelsea", "Chelsea the cat", "Photo “Chelsea the cat” by Stefan van der Walt, CC0 (scikit-image sample data).", Kind.PHOTO, "chelsea.png"),
            new BuiltInImage("coffee", "Coffee cup", "Photo “Coffee cup” by Rachel Michetti, courtesy of Pikolo Espresso Bar, CC0 (scikit-image sample data); resized.", Kind.PHOTO, "coffee.png"),
            new BuiltInImage("starry-night", "The Starry Night", "Vincent van Gogh, The Starry Night, 1889. Public domain.", Kind.PAINTING, "starry_night.jpg"),
            new BuiltInImage("great-wave", "The Great Wave off Kanagawa", "Katsushika Hokusai, The Great Wave off Kanagawa, c. 1831. Public domain.", Kind.PAINTING, "great_wave.jpg"),
            new BuiltInImage("the-scream", "The Scream", "Edvard Munch, The Scream, 1893. Public domain.", Kind.PAINTING, "the_scream.jpg"),
            new BuiltInImage("composition-vii", "Composition VII", "Wassily Kandinsky, Composition VII, 1913. Public domain.", Kind.PAINTING, "composition_vii.jpg"),
            new BuiltInImage("shipwreck", "The Shipwreck of the Minotaur", "J. M. W. Turner, The Wreck of a Transport Ship (The Shipwreck of the Minotaur), c. 1810. Public domain.", Kind.PAINTING, "shipwreck.jpg"),
            new BuiltInImage("woman-with-hat", "Woman with a Hat", "Henri Matisse, Woman with a Hat, 1905. Public domain.", Kind.PAINTING, "woman_with_hat.jpg"));

    public static Optional<BuiltInImage> byId(String id) {
        return ALL.stream().filter(i -> i.id.equals(id)).findFirst();
    }

    public static List<BuiltInImage> of(Kind kind) {
        return ALL.stream().filter(i -> i.kind == kind).toList();
    }

    public BufferedImage image() {
        try (InputStream in = BuiltInImage.class.getResourceAsStream("/cnnlab/art/" + file)) {
            if (in == null) throw new IOException("missing resource " + file);
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Picture picture(int channels) {
        return Picture.of(image(), channels);
    }
}
