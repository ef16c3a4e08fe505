package cnnlab.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMapGridTest {

    /** What the browser does (feature-maps.ts): base64, then zlib inflate. */
    private static byte[] received(FeatureMapGrid grid) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(grid.getElement().getProperty("data")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) throw new DataFormatException("truncated");
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    @Test
    void theBrowserInflatesExactlyTheQuantisedPicture() throws DataFormatException {
        FeatureMapGrid grid = new FeatureMapGrid(3, 4, 5, 3, 2, FeatureMapGrid.Palette.INFERNO);
        float[] values = new float[60];
        values[7] = 2f;       // the brightest: 255
        values[8] = 1f;       // half of it: 128 (rounded)
        values[20] = -3f;     // below zero: black
        grid.show(values, 2f);
        byte[] bytes = received(grid);
        assertEquals(60, bytes.length);
        assertEquals(255, bytes[7] & 0xff);
        assertEquals(128, bytes[8] & 0xff);
        assertEquals(0, bytes[20] & 0xff);
        assertArrayEquals(values, grid.shownValues());
    }

    @Test
    void signedValuesSurviveTheRoundTripAndMostlySilentMapsShrink() throws DataFormatException {
        FeatureMapGrid grid = new FeatureMapGrid(25, 26, 26, 10, 2, FeatureMapGrid.Palette.DIVERGING);
        float[] values = new float[25 * 26 * 26];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i += 7) values[i] = random.nextFloat() * 2 - 1;   // ReLU-like: most are 0
        grid.showSigned(values);
        byte[] bytes = received(grid);
        float max = 0;
        for (float v : values) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Math.round(127.5f + values[i] / max * 127.5f), bytes[i] & 0xff, "value " + i);
        }
        int sent = grid.getElement().getProperty("data").length();
        assertTrue(sent < values.length, "deflated base64 (" + sent + " chars) is shorter than the raw bytes (" + values.length + ")");
    }

    @Test
    void labelValuesAreOneRoundedNumberPerMap() {
        FeatureMapGrid grid = new FeatureMapGrid(4, 1, 1, 4, 10, FeatureMapGrid.Palette.INFERNO);
        grid.setLabelTemplate("neuron {i}: a = {v}", 3);
        grid.setLabelValues(new double[]{0.12345, 12, 0.00004, Double.NaN}, 3);
        assertEquals("neuron {i}: a = {v}", grid.getElement().getProperty("labelTemplate"));
        assertEquals(3, grid.getElement().getProperty("labelDecimals", -1));
        String[] numbers = grid.getElement().getProperty("labelValues").split(" ");
        assertEquals(4, numbers.length);
        assertEquals(0.123, Double.parseDouble(numbers[0]));
        assertEquals(12.0, Double.parseDouble(numbers[1]));
        assertEquals(0.0, Double.parseDouble(numbers[2]));
        assertEquals(0.0, Double.parseDouble(numbers[3]), "not a number shows as 0, never breaks the list");
        grid.clear();
        assertEquals("", grid.getElement().getProperty("labelValues"));
        assertEquals("", grid.getElement().getProperty("data"));
    }
}
