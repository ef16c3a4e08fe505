package cnnlab.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads RIFF/WAVE files: integer PCM of 8 (unsigned), 16, 24 or 32 bits and 32-bit float, plain or
 * WAVE_FORMAT_EXTENSIBLE, any number of channels (averaged to mono), any sample rate. Anything else gets an
 * {@link AudioProblem} that says what is wrong, in words a student understands.
 */
public final class WavReader {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final double MAX_SECONDS = 10;
    private static final int PCM = 1, FLOAT = 3, EXTENSIBLE = 0xFFFE;

    private WavReader() { }

    public static Audio read(byte[] bytes) {
        Data data = locate(bytes);
        Format f = data.format;
        int frameBytes = f.channels * f.bytesPerSample();
        float[] mono = new float[data.frames];
        ByteBuffer in = ByteBuffer.wrap(bytes, data.offset, data.frames * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.frames; i++) {
            double sum = 0;
            for (int c = 0; c < f.channels; c++) sum += sample(in, f);
            mono[i] = (float) (sum / f.channels);
        }
        return new Audio(mono, f.sampleRate);
    }

    /** The layout of a clip's samples, from its header alone (nothing is decoded), after every check of {@link #read}. */
    public record Header(int channels, int sampleRate, int frames) { }

    /** What {@link #read} would decode, found cheaply (to weigh the work before doing it); throws as {@link #read} does. */
    public static Header header(byte[] bytes) {
        Data data = locate(bytes);
        return new Header(data.format.channels, data.format.sampleRate, data.frames);
    }

    /** Where the samples are: {@code frames} frames of {@code format} from {@code offset}. */
    private record Data(Format format, int offset, int frames) { }

    private static Data locate(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new AudioProblem("the file is empty");
        if (bytes.length > MAX_BYTES) throw new AudioProblem("the file is larger than 10 MB");
        if (startsWith(bytes, "ID3") || (bytes.length > 1 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xe0) == 0xe0)) {
            throw new AudioProblem("this looks like an MP3 file; please use a WAV file");
        }
        if (startsWith(bytes, "OggS") || startsWith(bytes, "fLaC") || (bytes.length > 4 && bytes[0] == 0x1a && bytes[1] == 0x45)) {
            throw new AudioProblem("this is compressed audio (Ogg, FLAC or WebM); please use a WAV file");
        }
        if (bytes.length < 12 || !startsWith(bytes, "RIFF") || !"WAVE".equals(ascii(bytes, 8))) {
            throw new AudioProblem("not a WAV file (no RIFF/WAVE header)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        in.position(12);
        Format format = null;
        while (in.remaining() >= 8) {
            String id = ascii(bytes, in.position());
            in.position(in.position() + 4);
            long size = Integer.toUnsignedLong(in.getInt());
            int start = in.position();
            if ("fmt ".equals(id)) {
                if (size < 16 || size > in.remaining()) throw new AudioProblem("the WAV header is truncated");
                format = Format.read(in, (int) size);
            } else if ("data".equals(id)) {
                if (format == null) throw new AudioProblem("the WAV file has no format chunk before its data");
                long available = in.remaining();
                if (size > available) {
                    // streaming writers leave 0xFFFFFFFF or 0; any other excess means the file was cut short
                    if (size != 0xFFFFFFFFL && size != 0) throw new AudioProblem("the WAV file is truncated (its data ends early)");
                    size = available;
                }
                if (size == 0 && available > 0) size = available;
                return dataAt(start, (int) size, format);
            }
            long next = start + size + (size & 1);   // chunks are padded to even sizes
            if (next > bytes.length) break;
            in.position((int) next);
        }
        throw new AudioProblem(format == null ? "the WAV header is truncated" : "the WAV file has no audio data");
    }

    private static Data dataAt(int offset, int size, Format f) {
        int frames = size / (f.channels * f.bytesPerSample());
        if (frames == 0) throw new AudioProblem("the WAV file contains no samples");
        if (frames > MAX_SECONDS * f.sampleRate + 0.5) throw new AudioProblem("the clip is longer than 10 seconds");
        return new Data(f, offset, frames);
    }

    private static double sample(ByteBuffer in, Format f) {
        if (f.isFloat) {
            float v = in.getFloat();
            return Float.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
        }
        return switch (f.bits) {
            case 8 -> ((in.get() & 0xff) - 128) / 128.0;
            case 16 -> in.getShort() / 32768.0;
            case 24 -> {
                int b0 = in.get() & 0xff, b1 = in.get() & 0xff, b2 = in.get();
                yield ((b2 << 16) | (b1 << 8) | b0) / 8388608.0;
            }
            default -> in.getInt() / 2147483648.0;
        };
    }

    private static boolean startsWith(byte[] b, String s) {
        return b.length >= s.length() && ascii(b, 0, s.length()).equals(s);
    }

    private static String ascii(byte[] b, int at) {
        return ascii(b, at, 4);
    }

    private static String ascii(byte[] b, int at, int n) {
        return at + n <= b.length ? new String(b, at, n, StandardCharsets.US_ASCII) : "";
    }

    private record Format(int channels, int sampleRate, int bits, boolean isFloat) {
        static Format read(ByteBuffer in, int size) {
            int start = in.position();
            int tag = in.getShort() & 0xffff, channels = in.getShort() & 0xffff;
            int rate = in.getInt();
            in.getInt();   // byte rate
            in.getShort(); // block align
            int bits = in.getShort() & 0xffff;
            if (tag == EXTENSIBLE) {
                if (size < 40) throw new AudioProblem("the WAV header is truncated");
                in.position(start + 24);
                tag = in.getShort() & 0xffff;   // first two bytes of the sub-format GUID
            }
            in.position(start + size);
            if (tag != PCM && tag != FLOAT) {
                throw new AudioProblem("this WAV file is compressed (format " + tag + "); please use plain PCM or float WAV");
            }
            if (channels < 1 || channels > 8) throw new AudioProblem("unsupported number of channels: " + channels);
            if (rate < 1000 || rate > 192_000) throw new AudioProblem("unsupported sample rate: " + rate + " Hz");
            boolean isFloat = tag == FLOAT;
            if (isFloat ? bits != 32 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new AudioProblem("unsupported sample size: " + bits + " bits" + (isFloat ? " float" : ""));
            }
            return new Format(channels, rate, bits, isFloat);
        }

        int bytesPerSample() {
            return bits / 8;
        }
    }
}
