package cnnlab.features;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectiveCurveTest {
    private static String tenths(double v) {
        return ObjectiveCurve.appendTenths(new StringBuilder(), v).toString();
    }

    @Test
    void pointsAreWrittenToOneDecimalAsPrintfWould() {
        assertEquals("0.0", tenths(0));
        assertEquals("3.1", tenths(3.14159));
        assertEquals("46.0", tenths(45.96));
        assertEquals("-2.3", tenths(-2.26));
        assertEquals("0.0", tenths(-0.04), "no minus sign on a zero");
        assertEquals("122.0", tenths(122));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double v = (random.nextDouble() - 0.5) * 2000;
            String printf = String.format(Locale.ROOT, "%.1f", v), mine = tenths(v);
            // the two may differ only where v sits on a rounding boundary (printf rounds the decimal, this the binary)
            assertTrue(mine.equals(printf) || Math.abs(Double.parseDouble(mine) - Double.parseDouble(printf)) < 0.1 + 1e-9, v + ": " + mine + " vs " + printf);
        }
    }

    @Test
    void theChartDrawsEveryCurveWithTheSelectedOneOnTop() {
        ObjectiveCurve chart = new ObjectiveCurve();
        chart.show(new float[][]{{0, 1, 2, 3}, {3, 2, 1, 0}}, 4, 0);
        String svg = chart.getElement().getProperty("innerHTML");
        assertTrue(svg.startsWith("<svg"), svg);
        int plain = svg.indexOf("class='curve'"), selected = svg.indexOf("class='curve selected'");
        assertTrue(plain > 0 && selected > plain, "the selected curve is drawn last: " + svg);
        // the first curve rises from the bottom of the plot (y = 122) to its top (y = 4) over steps 0..3 of 4
        assertTrue(svg.contains("points='44.0,122.0 112.0,82.7 180.0,43.3 248.0,4.0 '"), svg);
    }
}
