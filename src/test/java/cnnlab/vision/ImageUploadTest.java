package cnnlab.vision;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every accepted format is read; every kind of bad upload gets a sentence a student understands. */
class ImageUploadTest {
    private static BufferedImage sample() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) img.setRGB(x, y, x < 20 ? 0xff2000 : 0x0020ff);
        return img;
    }

    private static byte[] encode(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(sample(), format, out), format);
        return out.toByteArray();
    }

    @Test
    void pngJpegGifBmpAndWebpAreRead() throws Exception {
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            BufferedImage img = ImageUpload.decode(encode(format));
            assertEquals(40, img.getWidth(), format);
            assertEquals(30, img.getHeight(), format);
            int left = img.getRGB(5, 15);
            assertTrue(((left >> 16) & 255) > 200 && (left & 255) < 60, format + " colour " + Integer.toHexString(left));
        }
        try (InputStream in = ImageUploadTest.class.getResourceAsStream("/images/red-blue.webp")) {
            BufferedImage webp = ImageUpload.read(in);
            assertEquals(20, webp.getWidth());
            assertEquals(12, webp.getHeight());
            assertTrue(((webp.getRGB(2, 6) >> 16) & 255) > 200, "red half");
            assertTrue((webp.getRGB(17, 6) & 255) > 200, "blue half");
        }
    }

    @Test
    void emptyTextAndUnknownFilesAreRefused() {
        assertProblem(new byte[0], "empty");
        assertProblem("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "not an image");
        assertProblem("%PDF-1.4 hello".getBytes(StandardCharsets.UTF_8), "not an image");
    }

    @Test
    void truncatedFilesAreRefusedAsDamaged() throws Exception {
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            byte[] full = encode(format);
            assertProblem(Arrays.copyOf(full, full.length * 2 / 3), "damaged");
        }
    }

    @Test
    void hugeDimensionsAreRefusedBeforeDecoding() {
        // a valid PNG header claiming 100,000 x 100,000 pixels: decoding it would need 40 GB
        assertProblem(pngHeader(100_000, 100_000), "100000 x 100000");
        assertProblem(pngHeader(5000, 10), "at most 4096");
    }

    @Test
    void moreThanTenMegabytesIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return served > 20L * 1024 * 1024 ? -1 : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > 20L * 1024 * 1024) return -1;
                served += len;
                return len;
            }
        };
        ImageProblem p = assertThrows(ImageProblem.class, () -> ImageUpload.read(endless));
        assertTrue(p.getMessage().contains("10 MB"), p.getMessage());
    }

    private static void assertProblem(byte[] bytes, String expected) {
        ImageProblem p = assertThrows(ImageProblem.class, () -> ImageUpload.decode(bytes));
        assertTrue(p.getMessage().contains(expected), p.getMessage());
    }

    private static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII));
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt((int) end.getValue());
        return new ByteArrayInputStream(b.array()).readAllBytes();
    }

    @Test
    void aLargePictureIsKeptAtTheWorkingSizeWithEveryPixelCounted() throws Exception {
        // 4096 x 3072 of one-pixel stripes, red and blue: skipping pixels would keep one colour, averaging gives purple
        BufferedImage stripes = new BufferedImage(4096, 3072, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3072; y++) for (int x = 0; x < 4096; x++) stripes.setRGB(x, y, x % 2 == 0 ? 0xff0000 : 0x0000ff);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(stripes, "png", png);
        cnnlab.jobs.JobRunner jobs = new cnnlab.jobs.JobRunner(1, 4);
        try {
            BufferedImage kept = ImageUpload.decode(jobs, png.toByteArray()).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(ImageUpload.WORKING_SIDE, kept.getWidth());
            assertEquals(768, kept.getHeight(), "the aspect ratio is kept");
            int rgb = kept.getRGB(500, 300), red = rgb >> 16 & 0xff, blue = rgb & 0xff;
            assertTrue(Math.abs(red - 128) < 20 && Math.abs(blue - 128) < 20, "stripes average out: " + Integer.toHexString(rgb));
            BufferedImage small = ImageUpload.decode(jobs, encode("png")).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(40, small.getWidth(), "a picture that fits is kept as it is");
        } finally {
            jobs.close();
        }
    }
}
