package cnnlab.features;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PicturesTest {
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
