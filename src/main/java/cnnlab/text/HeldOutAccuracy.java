package cnnlab.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The accuracy a sentence model's card reports (MR: the cross-validation mean; SST-2: the test set), as the page shows it. */
public record HeldOutAccuracy(double accuracy, String how) {
    private static final Pattern CROSS_VALIDATION = Pattern.compile("\\*\\*(\\d+)-fold cross-validation[^*]*?mean ([0-9.]+)");
    private static final Pattern TEST = Pattern.compile("\\*\\*test ([0-9.]+) on ([0-9,]+) sentences");

    /** What {@code model}'s card (beside its .zip) says, if it is there and says it. */
    public static Optional<HeldOutAccuracy> read(Path model) {
        Path card = cnnlab.nn.ModelFiles.sibling(model, ".md");
        try {
            return Files.isRegularFile(card) ? parse(Files.readString(card)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<HeldOutAccuracy> parse(String card) {
        Matcher cv = CROSS_VALIDATION.matcher(card);
        if (cv.find()) return Optional.of(new HeldOutAccuracy(Double.parseDouble(cv.group(2)), cv.group(1) + "-fold cross-validation"));
        Matcher test = TEST.matcher(card);
        if (test.find()) return Optional.of(new HeldOutAccuracy(Double.parseDouble(test.group(1)), "the test set, " + test.group(2) + " sentences"));
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f%% right in %s", 100 * accuracy, how);
    }
}
