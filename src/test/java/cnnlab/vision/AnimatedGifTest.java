package cnnlab.vision;

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
    private static BufferedImage filled(int rgb) {
        BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) for (int x = 0; x < 60; x++) image.setRGB(x, y, rgb);
        return image;
    }

    @Test
    void everyFrameIsInTheFileAndItLoops() throws Exception {
        List<BufferedImage> frames = List.of(filled(0x000000), filled(0xffffff), filled(0x000000));
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
}
