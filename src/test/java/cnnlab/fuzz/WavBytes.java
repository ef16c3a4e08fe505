package cnnlab.fuzz;

import cnnlab.speech.ShippedClips;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** WAV files for the fuzz suite: well-formed ones of any layout, then every way their header can lie. */
final class WavBytes {
    private WavBytes() { }

    /** A RIFF/WAVE file with the given header fields, whatever they are, and {@code data} as the data chunk. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 16 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(4 + 8 + 16 + 8 + data.length).put(ascii("WAVE"));
        int block = channels * Math.max(1, bits / 8);
        b.put(ascii("fmt ")).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits);
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Small clips (at most ~0.6 s) of plausible and implausible layouts, silent, noisy or tonal: they reach the networks. */
    static Arbitrary<byte[]> smallClips() {
        return Arbitraries.randomValue(r -> {
            int[] bitsChoice = {8, 16, 24, 32, 32, 12, 0, 64};
            int bits = bitsChoice[r.nextInt(bitsChoice.length)];
            int tag = bits == 32 && r.nextBoolean() ? 3 : r.nextInt(20) == 0 ? r.nextInt(0x10000) : 1;
            int channels = r.nextInt(12) == 0 ? r.nextInt(0x10000) : 1 + r.nextInt(3);
            int[] rates = {8000, 16000, 44100, 48000, 1000, 192000, 999, 192001, 0, -8000, Integer.MAX_VALUE, 1 + r.nextInt(200_000)};
            int rate = rates[r.nextInt(rates.length)];
            int frames = r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(Math.max(1, Math.min(4800, Math.abs(rate) / 2 + 1)));
            int bytesPer = Math.max(1, bits / 8);
            long size = (long) frames * bytesPer * Math.max(1, Math.min(channels, 8));
            byte[] data = new byte[(int) Math.min(size, 200_000)];
            fill(data, r, bits);
            return wav(tag, channels, rate, bits, data);
        });
    }

    private static void fill(byte[] data, Random r, int bits) {
        switch (r.nextInt(4)) {
            case 0 -> { }   // silence (0 is not silence for 8-bit, which is unsigned: fine, it is loud DC)
            case 1 -> r.nextBytes(data);
            case 2 -> {
                double hz = 100 + r.nextInt(3000);
                for (int i = 0; i + 1 < data.length; i += 2) {
                    short v = (short) (12000 * Math.sin(2 * Math.PI * hz * i / 16000.0));
                    data[i] = (byte) v;
                    data[i + 1] = (byte) (v >> 8);
                }
            }
            default -> java.util.Arrays.fill(data, (byte) (bits == 8 ? 128 : r.nextInt(256)));
        }
    }

    /** A shipped FSDD clip with its header or data damaged: sizes, rates, bit depths, chunk order, truncation. */
    static Arbitrary<byte[]> damagedClips() {
        List<byte[]> seeds = seeds();
        return Arbitraries.randomValue(r -> {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int[] odd = {0, 1, -1, 7, 15, 17, 40, 0x7fffffff, 0x80000000, 0xfffe, r.nextInt()};
            switch (r.nextInt(10)) {
                case 0 -> h.putInt(4, odd[r.nextInt(odd.length)]);                 // RIFF size
                case 1 -> h.putInt(16, odd[r.nextInt(odd.length)]);                // fmt size
                case 2 -> h.putShort(20, (short) odd[r.nextInt(odd.length)]);      // format tag
                case 3 -> h.putShort(22, (short) odd[r.nextInt(odd.length)]);      // channels
                case 4 -> h.putInt(24, odd[r.nextInt(odd.length)]);                // sample rate
                case 5 -> h.putShort(34, (short) new int[]{0, 1, 4, 7, 12, 20, 48, 64, 0xffff}[r.nextInt(9)]);   // bits
                case 6 -> h.putInt(40, odd[r.nextInt(odd.length)]);                // data size (fmt of 16 bytes)
                case 7 -> b = java.util.Arrays.copyOf(b, r.nextInt(Math.min(b.length, 64)));   // cut in the header
                case 8 -> b = Mutations.splice(b, 12, 12, junkChunk(r));                       // a chunk before fmt
                default -> b = Mutations.mutate(b, r);
            }
            return b;
        });
    }

    private static byte[] junkChunk(Random r) {
        String[] ids = {"LIST", "fact", "data", "fmt ", "JUNK", "\0\0\0\0"};
        int[] sizes = {0, 1, 3, 0x7fffffff, -1, 1_000_000};
        byte[] payload = new byte[r.nextInt(12)];
        r.nextBytes(payload);
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii(ids[r.nextInt(ids.length)])).putInt(r.nextBoolean() ? payload.length : sizes[r.nextInt(sizes.length)]).put(payload);
        return b.array();
    }

    /** Not WAV at all: other containers' magic numbers, text, JSON. */
    static Arbitrary<byte[]> otherFormats() {
        return Arbitraries.of("ID3\u0004\0\0\0\0\0\0", "\u00ff\u00fb\u0090\u0064\0\0", "OggS\0\u0002", "fLaC\0\0\0\"", "\u001aE\u00df\u00a3",
                        "RIFF\u0024\0\0\0AVI LIST", "RIFF", "RIFF\0\0\0\0WAVE", "RIFF\0\0\0\0WAVEfmt ", "{\"pixels\":[]}",
                        "<html>not audio</html>", "\u0089PNG\r\n\u001a\n")
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static synchronized List<byte[]> seeds() {
        if (seeds == null) {
            try {
                List<Path> clips = ShippedClips.all();
                seeds = List.of(Files.readAllBytes(clips.get(0)), Files.readAllBytes(clips.get(clips.size() / 2)),
                        Files.readAllBytes(clips.get(clips.size() - 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static List<byte[]> seeds;
}
