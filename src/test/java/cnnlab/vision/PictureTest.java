package cnnlab.vision;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PictureTest {
    @Test
    void shrinkingAveragesAreasAndGrowingInterpolates() {
        Picture p = new Picture(4, 2, 1, new float[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertArrayEquals(new float[] {2.5f, 4.5f}, p.resize(2, 1).pixels(), 1e-6f);
        Picture two = new Picture(2, 1, 1, new float[] {0, 1});
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, two.resize(4, 1).pixels(), 1e-6f);
        assertEquals(8, p.fitLongSide(8).width());
        assertEquals(4, p.fitLongSide(8).height());
    }

    @Test
    void rollWrapsAroundAndRollsBack() {
        Picture p = new Picture(3, 2, 1, new float[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new float[] {6, 4, 5, 3, 1, 2}, p.roll(1, 1).pixels());
        assertArrayEquals(p.pixels(), p.roll(2, -1).roll(-2, 1).pixels());
    }

    @Test
    void imagesRoundTripThroughColoursAndGrey() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        img.setRGB(1, 0, 0xffffff);
        Picture rgb = Picture.of(img, 3);
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, rgb.pixels(), 1e-6f);
        assertArrayEquals(new float[] {0.299f, 1f}, Picture.of(img, 1).pixels(), 1e-3f);
        assertEquals(0xff0000, rgb.toImage().getRGB(0, 0) & 0xffffff);
        assertArrayEquals(rgb.pixels(), Picture.of(rgb.tensor()).pixels());
    }
}
