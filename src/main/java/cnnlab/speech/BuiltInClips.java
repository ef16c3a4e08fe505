package cnnlab.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The spoken digits that ship inside the app (FSDD test split, CC BY-SA 4.0; see clips/ATTRIBUTION.md). */
public final class BuiltInClips {
    public static final String ATTRIBUTION = "Built-in clips: Free Spoken Digit Dataset (Z. Jackson et al.), test split, CC BY-SA 4.0.";

    /** One clip: the digit spoken and who spoke it. */
    public record Clip(String name, int digit, String speaker) {
        public byte[] bytes() {
            try (InputStream in = BuiltInClips.class.getResourceAsStream("clips/" + name)) {
                if (in == null) throw new IllegalStateException("missing built-in clip " + name);
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String label() {
            return digit + " (" + speaker + ")";
        }
    }

    public static final List<Clip> ALL = List.of("0_george_1", "1_jackson_1", "2_lucas_1", "3_nicolas_1", "4_theo_1",
            "5_yweweler_1", "6_george_2", "7_jackson_2", "8_lucas_2", "9_nicolas_2").stream().map(n -> {
                String[] p = n.split("_");
                return new Clip(n + ".wav", Integer.parseInt(p[0]), p[1]);
            }).toList();

    private BuiltInClips() { }
}
