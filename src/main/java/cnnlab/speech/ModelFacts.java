package cnnlab.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a model card says about a trained model: its measured test accuracy, as the page's comparison shows it. */
public final class ModelFacts {
    private static final Pattern ACCURACY = Pattern.compile("\\*\\*test accuracy\\*\\* \\| \\*\\*([0-9.]+)\\*\\* on the ([0-9,]+)");

    private ModelFacts() { }

    /** The accuracy in {@code models/<model>.md}, if the card is there. */
    public static OptionalDouble testAccuracy(Path models, SpeechNet net) {
        Path card = cnnlab.nn.ModelFiles.sibling(models.resolve(net.file()), ".md");
        try {
            if (!Files.isRegularFile(card)) return OptionalDouble.empty();
            Matcher m = ACCURACY.matcher(Files.readString(card));
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
