package cnnlab.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes test WAV files of any supported layout from mono samples in [-1, 1]. */
final class Wavs {
    private Wavs() { }

    static float[] sine(double hz, int rate, double seconds, double amplitude) {
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    /** @param bits 8, 16, 24, 32 (integer PCM) or -32 (float); every channel carries the same samples */
    static byte[] wav(float[] samples, int rate, int bits, int channels, boolean extensible) {
        boolean isFloat = bits < 0;
        int bytesPer = Math.abs(bits) / 8, block = bytesPer * channels, dataSize = samples.length * block;
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + fmtSize + 8 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmtSize);
        b.putShort((short) (extensible ? 0xFFFE : isFloat ? 3 : 1)).putShort((short) channels).putInt(rate)
                .putInt(rate * block).putShort((short) block).putShort((short) Math.abs(bits));
        if (extensible) {
            b.putShort((short) 22).putShort((short) Math.abs(bits)).putInt(channels == 1 ? 4 : 3);
            b.putShort((short) (isFloat ? 3 : 1));
            b.put(new byte[]{0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        for (float v : samples) {
            for (int c = 0; c < channels; c++) {
                if (isFloat) b.putFloat(v);
                else if (bits == 8) b.put((byte) Math.round(v * 127 + 128));
                else if (bits == 16) b.putShort((short) Math.round(v * 32767));
                else if (bits == 24) {
                    int x = (int) Math.round(v * 8388607);
                    b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                } else b.putInt((int) Math.round(v * 2147483647.0));
            }
        }
        return b.array();
    }
}
