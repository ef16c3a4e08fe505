package cnnlab.digits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrokeRendererTest {
    @Test
    void aStrokeInksAPenWideBandAlongItsPath() {
        Drawing d = new Drawing(100, 100, 10, List.of(new float[]{20, 50, 80, 50}));
        GrayImage img = StrokeRenderer.render(d);
        assertEquals(1f, img.at(50, 50), 0.01);
        assertEquals(1f, img.at(50, 47), 0.01);
        assertEquals(0f, img.at(50, 40), 0.01);
        assertEquals(0f, img.at(5, 50), 0.01);
        // round caps: ink reaches about half a pen beyond the end points, anti-aliased at the edge
        assertTrue(img.at(16, 50) > 0.5f);
        float ink = img.sum();
        assertEquals(60 * 10 + Math.PI * 25, ink, 40);
    }

    @Test
    void aTapLeavesADot() {
        GrayImage img = StrokeRenderer.render(new Drawing(50, 50, 8, List.of(new float[]{25, 25})));
        assertEquals(1f, img.at(25, 25), 0.01);
        assertEquals(Math.PI * 16, img.sum(), 6);
    }

    @Test
    void anEmptyDrawingRendersBlank() {
        assertEquals(0f, StrokeRenderer.render(Drawing.empty(40, 40, 5)).sum());
    }
}
