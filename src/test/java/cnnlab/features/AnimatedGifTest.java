package cnnlab.features;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnimatedGifTest {
    @Test
    void everyFrameIsInTheFileAndItLoops() throws Exception {
        float[] a = new float[2 * 784], b = new float[2 * 784];
        java.util.Arrays.fill(b, 1f);
        List<BufferedImage> frames = List.of(Pictures.grid(a, 0, 2, 2, 2), Pictures.grid(b, 0, 2, 2, 2), Pictures.grid(a, 0, 2, 2, 2));
        byte[] gif = AnimatedGif.encode(frames, 80, 2000);
        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"), "loops");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            BufferedImage second = reader.read(1);
            assertEquals(frames.get(1).getWidth(), second.getWidth());
            assertEquals(0xffffffff, second.getRGB(10, 10), "the white frame is white");
        }
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.encode(List.of(), 80, 80));
    }

    @Test
    void pngsHaveOneBlockPerPixel() throws Exception {
        float[] img = new float[784];
        img[0] = 1f;
        BufferedImage single = Pictures.single(img, 0, 10);
        assertEquals(280, single.getWidth());
        assertEquals(255, single.getRaster().getSample(9, 9, 0));
        assertEquals(0, single.getRaster().getSample(10, 10, 0));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Pictures.png(single)));
        assertEquals(280, back.getHeight());
    }
}
