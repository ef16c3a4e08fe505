package cnnlab.imagenet;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MobileNetInputTest {
    private static BufferedImage image(int w, int h, Color fill) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void aWideImageIsCroppedToItsCentreSquare() {
        BufferedImage img = image(500, 300, Color.RED);   // centre square: x = 100 .. 399
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(10, 200, 30));
        g.fillRect(100, 0, 300, 300);
        g.dispose();
        MobileNetInput in = MobileNetInput.of(img);
        for (int y : new int[]{0, 64, 127}) {
            for (int x : new int[]{0, 64, 127}) {
                assertArrayEquals(new int[]{10, 200, 30}, new int[]{in.pixel(y, x, 0), in.pixel(y, x, 1), in.pixel(y, x, 2)}, y + "," + x);
            }
        }
    }

    @Test
    void shrinkingAveragesAreasAndEnlargingKeepsFlatColour() {
        BufferedImage stripes = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) for (int x = 0; x < 256; x++) stripes.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0x000000);
        assertEquals(128, MobileNetInput.of(stripes).pixel(50, 50, 0), "1-pixel stripes halved: the average grey, no aliasing");
        assertEquals(77, MobileNetInput.of(image(40, 40, new Color(77, 77, 77))).pixel(100, 3, 1));
    }

    @Test
    void networkInputIsNchwInMinusOneToOne() {
        MobileNetInput in = MobileNetInput.of(image(128, 128, new Color(0, 128, 255)));
        INDArray x = in.toNchw();
        assertArrayEquals(new long[]{1, 3, 128, 128}, x.shape());
        assertEquals(-1f, x.getFloat(0, 0, 5, 7));
        assertEquals(0f, x.getFloat(0, 1, 5, 7));
        assertEquals(127 / 128f, x.getFloat(0, 2, 5, 7));
    }
}
