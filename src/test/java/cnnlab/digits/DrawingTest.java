package cnnlab.digits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrawingTest {
    @Test
    void parsesThePadsJson() {
        Drawing d = Drawing.parse("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[10,20,30,40],[5,5]]}");
        assertEquals(280, d.width());
        assertEquals(20f, d.pen());
        assertEquals(2, d.strokes().size());
        assertArrayEquals(new float[]{10, 20, 30, 40}, d.strokes().get(0));
    }

    @Test
    void noStrokesIsAnEmptyDrawing() {
        assertTrue(Drawing.parse("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[]}").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[1,2]", "{\"width\":280}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[1,2,3]]}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[1,\"x\"]]}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[1e308,2]]}",
            "{\"width\":-5,\"height\":280,\"pen\":20,\"strokes\":[]}",
            "{\"width\":280,\"height\":280,\"pen\":0,\"strokes\":[]}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":{}}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[1,NaN]]}",
            "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[]} trailing",
            "{\"width\":100000,\"height\":100000,\"pen\":20,\"strokes\":[]}",
            "{\"width\":280,\"height\":280,\"pen\":500,\"strokes\":[]}"})
    void malformedPayloadsAreRefusedWithAMessage(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Drawing.parse(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void tooManyStrokesAreRefused() {
        StringBuilder sb = new StringBuilder("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[");
        for (int i = 0; i <= Drawing.MAX_STROKES; i++) sb.append(i == 0 ? "" : ",").append("[1,1]");
        String json = sb.append("]}").toString();
        assertThrows(IllegalArgumentException.class, () -> Drawing.parse(json));
    }

    @Test
    void moreThanThePointBudgetIsRefused() {
        // found by the fuzz suite: 20,000 zig-zag points under a 60-unit pen took seconds to render on a job thread
        String points = "[" + "10,10,270,270,".repeat(Drawing.MAX_POINTS / 2) + "10,10]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Drawing.parse("{\"width\":600,\"height\":600,\"pen\":60,\"strokes\":[" + points + "]}"));
        assertTrue(e.getMessage().contains("too many points"), e.getMessage());
        String fits = "[" + "10,10,270,270,".repeat(Drawing.MAX_POINTS / 2 - 1) + "10,10]";
        assertEquals(Drawing.MAX_POINTS - 1, Drawing.parse("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[" + fits + "]}")
                .strokes().get(0).length / 2);
    }

    @Test
    void aHugePayloadIsRefusedBeforeParsing() {
        String json = "{\"strokes\":[" + "1,".repeat(Drawing.MAX_JSON_CHARS) + "1]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Drawing.parse(json));
        assertTrue(e.getMessage().contains("too large"));
    }
}
