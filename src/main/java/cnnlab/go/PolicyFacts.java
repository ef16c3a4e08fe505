package cnnlab.go;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a policy network's model card reports: held-out top-1 and top-5 accuracy, as the Go page shows next to it. */
public record PolicyFacts(double top1, double top5, int positions) {
    private static final Pattern ACCURACY = Pattern.compile("\\*\\*top-1 ([0-9.]+), top-5 ([0-9.]+)\\*\\* on ([0-9,]+) positions");

    /** The figures in {@code models/<net>.md}, if the card is there and says them. */
    public static Optional<PolicyFacts> read(Path models, PolicyNet net) {
        Path card = cnnlab.nn.ModelFiles.sibling(models.resolve(net.file()), ".md");
        try {
            if (!Files.isRegularFile(card)) return Optional.empty();
            return parse(Files.readString(card));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<PolicyFacts> parse(String card) {
        Matcher m = ACCURACY.matcher(card);
        if (!m.find()) return Optional.empty();
        try {
            return Optional.of(new PolicyFacts(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Integer.parseInt(m.group(3).replace(",", ""))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
