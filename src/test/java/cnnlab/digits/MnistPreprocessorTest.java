package cnnlab.digits;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistPreprocessorTest {
    /** A filled disc of radius r at (cx, cy) on a w x h canvas. */
    static GrayImage blob(int w, int h, double cx, double cy, double r) {
        float[] px = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) px[y * w + x] = 1f;
        return new GrayImage(w, h, px);
    }

    static double[] centreOfMass(GrayImage img) {
        double m = 0, mx = 0, my = 0;
        for (int y = 0; y < img.height(); y++)
            for (int x = 0; x < img.width(); x++) {
                double v = img.at(x, y);
                m += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        return new double[]{mx / m, my / m};
    }

    static int[] inkBox(GrayImage img) {   // minX, minY, maxX, maxY of pixels with visible ink
        int[] b = {img.width(), img.height(), -1, -1};
        for (int y = 0; y < img.height(); y++)
            for (int x = 0; x < img.width(); x++)
                if (img.at(x, y) > 0.05f) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
        return b;
    }

    @Test
    void anOffCentreBlobIsCentredByItsCentreOfMass() {
        GrayImage canvas = blob(280, 280, 40, 230, 25);   // bottom-left corner
        GrayImage out = MnistPreprocessor.toMnist(canvas).orElseThrow();
        assertEquals(28, out.width());
        assertEquals(28, out.height());
        double[] com = centreOfMass(out);
        assertEquals(14.0, com[0], 0.05);
        assertEquals(14.0, com[1], 0.05);
        int[] box = inkBox(out);
        int side = Math.max(box[2] - box[0] + 1, box[3] - box[1] + 1);
        assertTrue(side >= 19 && side <= 21, "the blob is scaled to fit 20x20, got " + side);
    }

    @Test
    void centringUsesTheCentreOfMassNotTheBoundingBox() {
        // an L: a long bar down the left and a short foot; its mass sits left of and below its box's centre
        float[] px = new float[200 * 200];
        for (int y = 20; y < 180; y++) for (int x = 20; x < 40; x++) px[y * 200 + x] = 1f;
        for (int y = 160; y < 180; y++) for (int x = 40; x < 100; x++) px[y * 200 + x] = 1f;
        GrayImage out = MnistPreprocessor.toMnist(new GrayImage(200, 200, px)).orElseThrow();
        double[] com = centreOfMass(out);
        assertEquals(14.0, com[0], 0.05);
        assertEquals(14.0, com[1], 0.05);
        int[] box = inkBox(out);
        double boxCentreX = (box[0] + box[2] + 1) / 2.0;
        assertTrue(boxCentreX > 15.0, "the box is pushed right of centre so that the mass is centred: " + boxCentreX);
    }

    @Test
    void anEmptyCanvasIsReportedEmpty() {
        assertEquals(Optional.empty(), MnistPreprocessor.toMnist(GrayImage.blank(280, 280)));
    }

    @Test
    void faintFringeAloneIsNotInk() {
        GrayImage faint = new GrayImage(10, 10, new float[100]);
        faint.pixels()[55] = 0.05f;
        assertTrue(MnistPreprocessor.toMnist(faint).isEmpty());
    }

    @Test
    void aTallStrokeKeepsItsAspectRatio() {
        float[] px = new float[280 * 280];
        for (int y = 40; y < 240; y++) for (int x = 130; x < 150; x++) px[y * 280 + x] = 1f;   // 20 wide, 200 tall
        GrayImage out = MnistPreprocessor.toMnist(new GrayImage(280, 280, px)).orElseThrow();
        int[] box = inkBox(out);
        int height = box[3] - box[1] + 1, width = box[2] - box[0] + 1;
        assertTrue(height >= 20 && height <= 21, "height " + height);
        assertTrue(width <= 4, "a 1:10 stroke stays thin, width " + width);
        double ink = 0;
        for (float p : out.pixels()) ink += p;
        assertEquals(20 * 2.0, ink, 2.0, "area-averaging keeps the ink: a 2x20 px bar");
    }

    @Test
    void pixelsStayInUnitRange() {
        GrayImage out = MnistPreprocessor.toMnist(blob(300, 200, 150, 100, 60)).orElseThrow();
        for (float p : out.pixels()) assertTrue(p >= 0f && p <= 1f);
        float max = 0;
        for (float p : out.pixels()) max = Math.max(max, p);
        assertEquals(1f, max, 1e-6);
    }
}
