package cnnlab.fuzz;

import cnnlab.go.GameOnBoard;
import cnnlab.go.IllegalMove;
import cnnlab.go.Sgf;
import cnnlab.go.SgfGame;
import cnnlab.go.SgfProblem;
import cnnlab.nn.ShippedModel;
import cnnlab.Lab;
import cnnlab.speech.Audio;
import cnnlab.speech.AudioProblem;
import cnnlab.speech.ShippedClips;
import cnnlab.speech.SpeechInput;
import cnnlab.speech.SpeechReading;
import cnnlab.speech.WavReader;
import cnnlab.vision.ImageProblem;
import cnnlab.vision.ImageUpload;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploaded files through the code that receives them: images ({@link ImageUpload}, what the pages' uploads are
 * decoded with), WAV files ({@link WavReader} and the speech service, as the speech page and API read them) and
 * SGF game records ({@link Sgf} and {@link GameOnBoard}, as the Go page loads and replays them). Each file is used or
 * refused with the service's own problem type and a readable message; nothing else escapes, nothing hangs.
 */
@Tag("fuzz")
class UploadFuzzTest {
    private int accepted;
    @BeforeContainer
    static void start() {
        Lab.start(ShippedModel.MODELS);
    }

    private static void assertReadable(String message) {
        assertTrue(message != null && !message.isBlank() && !message.contains("Exception"), "a readable message: " + message);
    }

    // ------------------------------------------------------------------------------------------------ images

    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyImageUploadIsDecodedOrRefused(@ForAll("images") byte[] file) throws Exception {
        String outcome = Deadline.call(() -> {
            try (InputStream in = new ByteArrayInputStream(file)) {
                BufferedImage img = ImageUpload.read(in);
                assertTrue(img.getWidth() >= 1 && img.getWidth() <= ImageUpload.MAX_SIDE && img.getHeight() >= 1
                        && img.getHeight() <= ImageUpload.MAX_SIDE, "a decoded image is within the limits");
                return "decoded";
            } catch (ImageProblem p) {
                assertReadable(p.getMessage());
                return "refused: " + LabHttp.messageClass(p.getMessage().replaceAll("\\(.*\\)", "(...)"));
            }
        }, file.length + " bytes");
        Statistics.label("outcome").collect(outcome);
    }

    @AfterProperty
    void aGoodImageStillDecodes() throws Exception {
        assertEquals(40, ImageUpload.decode(encode(sample(40, 30, 1), "png")).getWidth());
    }

    @Provide
    Arbitrary<byte[]> images() {
        List<byte[]> seeds = imageSeeds();
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        return Mutations.mix(
                Mutations.w(2, Mutations.randomBytes(4096)),
                Mutations.w(4, Combinators.combine(seed, Arbitraries.randomValue(r -> r)).as((s, r) -> Mutations.mutate(s, r))),
                Mutations.w(2, Combinators.combine(seed, Arbitraries.doubles().between(0, 1)).as((s, f) -> java.util.Arrays.copyOf(s, (int) (s.length * f)))),
                Mutations.w(3, Combinators.combine(seed, Arbitraries.of(0, 1, 4096, 4097, 65535, 100_000, Integer.MAX_VALUE, -1),
                        Arbitraries.of(0, 1, 4096, 4097, 65535, 100_000, Integer.MAX_VALUE, -1)).as(UploadFuzzTest::declareSize)),
                // a real image behind another format's magic number (what a renamed file looks like to a sniffer)
                Mutations.w(1, Combinators.combine(seed, Arbitraries.of("\u0089PNG\r\n\u001a\n", "\u00ff\u00d8\u00ff", "GIF89a", "BM", "RIFF\0\0\0\0WEBP"))
                        .as((s, magic) -> Mutations.splice(s, 0, Math.min(s.length, magic.length()), magic.getBytes(StandardCharsets.ISO_8859_1)))));
    }

    /** A seed image whose header claims {@code w} x {@code h} pixels (PNG with a valid CRC, GIF, BMP, JPEG SOF). */
    static byte[] declareSize(byte[] seed, int w, int h) {
        byte[] b = seed.clone();
        ByteBuffer be = ByteBuffer.wrap(b);
        ByteBuffer le = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (b[0] == (byte) 0x89 && b[1] == 'P') {                  // PNG: IHDR at 8, data at 16, CRC over type + data
            be.putInt(16, w).putInt(20, h);
            CRC32 crc = new CRC32();
            crc.update(b, 12, 17);
            be.putInt(29, (int) crc.getValue());
        } else if (b[0] == 'G' && b[1] == 'I') {                   // GIF: logical screen and first image descriptor
            le.putShort(6, (short) w).putShort(8, (short) h);
            for (int i = 13; i + 9 < b.length; i++) {
                if (b[i] == 0x2C) {
                    le.putShort(i + 5, (short) w).putShort(i + 7, (short) h);
                    break;
                }
            }
        } else if (b[0] == 'B' && b[1] == 'M') {                   // BMP: BITMAPINFOHEADER width, height
            le.putInt(18, w).putInt(22, h);
        } else if (b[0] == (byte) 0xFF && b[1] == (byte) 0xD8) {   // JPEG: the first SOFn marker's height, width
            for (int i = 2; i + 8 < b.length; i++) {
                if (b[i] == (byte) 0xFF && (b[i + 1] & 0xF0) == 0xC0 && b[i + 1] != (byte) 0xC4 && b[i + 1] != (byte) 0xC8 && b[i + 1] != (byte) 0xCC) {
                    be.putShort(i + 5, (short) h).putShort(i + 7, (short) w);
                    break;
                }
            }
        }
        return b;
    }

    static List<byte[]> imageSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        try {
            for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
                seeds.add(encode(sample(24, 16, 7), format));
                seeds.add(encode(sample(3, 40, 11), format));
            }
            try (InputStream in = UploadFuzzTest.class.getResourceAsStream("/images/red-blue.webp")) {
                seeds.add(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }

    static BufferedImage sample(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        return img;
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ WAV

    @Property(tries = 1500, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyWavUploadIsReadOrRefused(@ForAll("wavs") byte[] file) throws Exception {
        String outcome = Deadline.call(() -> {
            Audio audio;
            try {
                audio = WavReader.read(file);
            } catch (AudioProblem p) {
                assertReadable(p.getMessage());
                return "refused by WavReader: " + LabHttp.messageClass(p.getMessage());
            }
            assertTrue(audio.sampleRate() > 0 && audio.samples().length > 0 && audio.seconds() <= WavReader.MAX_SECONDS + 0.01);
            for (float s : audio.samples()) assertTrue(s >= -1 && s <= 1, "samples stay in -1..1");
            try {
                // what the networks get: resampled, trimmed, a 40 x 100 spectrogram scaled to 0..1, whatever the file was
                SpeechInput input = SpeechInput.of(audio);
                for (float[] band : input.values()) for (float v : band) assertTrue(v >= 0 && v <= 1 + 1e-6, "network input in 0..1 (give or take float rounding), got " + v);
                // the networks themselves take ~50-100 ms a clip (two of them): every 8th accepted clip goes through them too
                if (++accepted % 8 != 0) return "prepared for the networks";
                SpeechReading r = Lab.current().speech().read(audio);
                assertTrue(!r.predictions().isEmpty(), "a reading has predictions");
                return "prepared and read by the networks";
            } catch (AudioProblem p) {
                assertReadable(p.getMessage());
                return "refused by the speech service: " + LabHttp.messageClass(p.getMessage());
            }
        }, file.length + " bytes");
        Statistics.label("outcome").collect(outcome);
    }

    @AfterProperty
    void aRealClipStillReadsRight() throws Exception {
        Path clip = ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith("9_jackson")).findFirst().orElseThrow();
        assertEquals(9, Lab.current().speech().read(Files.readAllBytes(clip)).predictions().values().iterator().next().label());
    }

    @Provide
    Arbitrary<byte[]> wavs() {
        return Mutations.mix(
                Mutations.w(2, Mutations.randomBytes(4096)),
                Mutations.w(5, WavBytes.damagedClips()),
                Mutations.w(4, WavBytes.smallClips()),
                Mutations.w(1, WavBytes.otherFormats()),
                Mutations.w(1, Arbitraries.of(new byte[0], new byte[WavReader.MAX_BYTES + 1])));
    }

    // ------------------------------------------------------------------------------------------------ SGF

    @Property(tries = 1500, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everySgfRecordIsLoadedOrRefused(@ForAll("sgfs") String text) throws Exception {
        String outcome = Deadline.call(() -> {
            SgfGame game;
            try {
                game = Sgf.parse(text);
            } catch (SgfProblem p) {
                assertReadable(p.getMessage());
                return "refused: " + LabHttp.messageClass(p.getMessage().replaceAll("'.*'", "'...'"));
            }
            assertTrue(!game.title().isBlank());
            GameOnBoard page = new GameOnBoard();
            try {
                page.load(game, game.title());
            } catch (IllegalMove e) {
                assertReadable(e.getMessage());
                return "loaded, cannot be set up";
            }
            int playable = page.recordLength();
            assertTrue(playable >= 0 && playable <= game.moves().size());
            for (int k = 0; k <= playable + 1; k += Math.max(1, playable / 7)) page.goTo(k);   // the replay slider
            page.goTo(playable);
            assertEquals(playable, page.board().moves().size());
            return playable < game.moves().size() ? "loaded, cut at an illegal move" : "loaded, every move legal";
        }, LabHttp.shorten(text));
        Statistics.label("outcome").collect(outcome);
    }

    @AfterProperty
    void aRealRecordStillLoads() throws Exception {
        SgfGame g = Sgf.parse(sgfSeeds().get(0));
        assertTrue(g.playableMoves() > 100);
    }

    @Provide
    Arbitrary<String> sgfs() {
        Arbitrary<String> seed = Arbitraries.of(sgfSeeds());
        Arbitrary<String> point = Mutations.mix(Mutations.w(6, Arbitraries.strings().withCharRange('a', 's').ofLength(2)),
                Mutations.w(1, Arbitraries.of("", "tt", "zz", "a", "abc", "aa:ss", "ss:aa", "a:b", "AA", "\u00e9\u00e9", "]", "\\]", "`a", "{a")));
        Arbitrary<String> property = Mutations.mix(
                Mutations.w(6, Combinators.combine(Arbitraries.of("B", "W", "AB", "AW", "AE"), point).as((id, p) -> id + "[" + p + "]")),
                Mutations.w(1, Arbitraries.of("SZ[19]", "SZ[9]", "SZ[25]", "SZ[52]", "SZ[1000000]", "SZ[19:19]", "SZ[-1]", "SZ[]", "GM[1]", "GM[2]",
                        "FF[4]", "PB[\u202Eevil]", "C[" + "x".repeat(5000) + "]", "AB[aa:ss]", "AW[aa:ss]", "C[a\\]b]", "ÄB[aa]", "b[aa]", "B",
                        "B[aa][bb][cc]", "PW[<script>]", "KM[NaN]", "HA[99999999999]")),
                Mutations.w(1, Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(3),
                        Mutations.nastyText(20)).as((id, v) -> id + "[" + v.replace("]", "\\]") + "]")));
        Arbitrary<String> node = property.list().ofMaxSize(4).map(l -> ";" + String.join("", l));
        Arbitrary<String> game = node.list().ofMinSize(1).ofMaxSize(300).map(l -> "(" + String.join("", l) + ")");
        return Mutations.mix(
                Mutations.w(4, game),
                Mutations.w(4, Combinators.combine(seed, Arbitraries.randomValue(r -> r)).as((s, r) -> Mutations.mutate(s, r))),
                Mutations.w(1, Combinators.combine(seed, Arbitraries.doubles().between(0, 1)).as((s, f) -> s.substring(0, (int) (s.length() * f)))),
                // deep nesting: variations inside variations (a hostile file is at most 1 MB)
                Mutations.w(2, Combinators.combine(Arbitraries.integers().between(1, 400_000), Arbitraries.of(true, false),
                                Arbitraries.of("(;W[bb]", "(;", "(;C[x]", "(;B[aa])(;"))
                        .as((d, closed, level) -> "(;B[aa]" + level.repeat(d) + (closed ? ")".repeat(d + 1) : ""))),
                Mutations.w(1, Arbitraries.integers().between(990, 1100).map(n -> "(;" + ";B[aa];W[bb]".repeat(n / 2) + ")")),
                Mutations.w(1, Arbitraries.of("(;", "(", ")", ";", "(;)", "(;;)", "((;))", "(;B[aa])(;W[bb])", "(;B[aa]", "(;B[aa)", "(;B]aa[)",
                        "()", "(;B[]W[])", "(;AB[aa:ss];B[aa])", "(;SZ[19]AB[aa:ss]AW[aa:ss];W[tt])", "\uFEFF(;B[aa])", "(;B[aa]\u0000)",
                        "(;C[" + "\\".repeat(1000) + "])", "x".repeat(Sgf.MAX_CHARS + 1), "(;" + "B[aa]".repeat(200_000) + ")")),
                Mutations.w(1, Mutations.randomBytes(2000).map(b -> new String(b, StandardCharsets.ISO_8859_1))),
                Mutations.w(1, Mutations.nastyText(300).map(s -> "(;" + s + ")")));
    }

    static synchronized List<String> sgfSeeds() {
        if (sgfSeeds == null) {
            List<String> list = new ArrayList<>();
            for (String r : new String[] {"/cnnlab/go/games/shusaku-177.sgf", "/cnnlab/go/games/castle-065.sgf", "/go/dosaku-002-handicap5.sgf",
                    "/go/shusaku-265-variation.sgf"}) {
                try (InputStream in = UploadFuzzTest.class.getResourceAsStream(r)) {
                    list.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sgfSeeds = List.copyOf(list);
        }
        return sgfSeeds;
    }

    private static List<String> sgfSeeds;
}
