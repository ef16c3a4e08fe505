package cnnlab.digits;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user drew on the pad: strokes as polylines in pad coordinates, drawn with a round pen.
 * Parsed from the pad's JSON ({"width":280,"height":280,"pen":18,"strokes":[[x0,y0,x1,y1,...],...]}) with limits,
 * because the payload comes from a browser and must not be trusted.
 */
public record Drawing(int width, int height, float pen, List<float[]> strokes) {
    /** The pad is 280 units; anything much larger would only make the server render a bigger picture. */
    public static final int MAX_SIDE = 600;
    public static final float MAX_PEN = 60;
    public static final int MAX_STROKES = 200;
    /**
     * A drawn digit has a few hundred points (the pad keeps points at least 1 unit apart); rendering costs ~50 us per point
     * with a wide pen, so 20,000 let one hostile payload hold a job thread for over a second. 5,000 is ample.
     */
    public static final int MAX_POINTS = 5_000;
    public static final int MAX_JSON_CHARS = 400_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Drawing {
        strokes = List.copyOf(strokes);
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public static Drawing empty(int width, int height, float pen) {
        return new Drawing(width, height, pen, List.of());
    }

    /** @throws IllegalArgumentException with a message fit for a user when the payload is malformed or too big */
    public static Drawing parse(String json) {
        if (json == null || json.isBlank()) throw new IllegalArgumentException("empty drawing payload");
        if (json.length() > MAX_JSON_CHARS) throw new IllegalArgumentException("drawing too large");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("drawing is not valid JSON");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("drawing must be a JSON object");
        int width = intIn(root, "width", 1, MAX_SIDE);
        int height = intIn(root, "height", 1, MAX_SIDE);
        float pen = (float) numberIn(root.get("pen"), "pen", 0.5, MAX_PEN);
        JsonNode strokesNode = root.get("strokes");
        if (strokesNode == null || !strokesNode.isArray()) throw new IllegalArgumentException("strokes must be an array");
        if (strokesNode.size() > MAX_STROKES) throw new IllegalArgumentException("too many strokes (at most " + MAX_STROKES + ")");
        List<float[]> strokes = new ArrayList<>();
        int points = 0;
        for (JsonNode s : strokesNode) {
            if (!s.isArray() || s.size() % 2 != 0) throw new IllegalArgumentException("a stroke must be a flat array of x,y pairs");
            points += s.size() / 2;
            if (points > MAX_POINTS) throw new IllegalArgumentException("too many points (at most " + MAX_POINTS + ")");
            if (s.isEmpty()) continue;
            float[] xy = new float[s.size()];
            for (int i = 0; i < xy.length; i++) {
                // coordinates outside the pad are legal (a pointer may leave it mid-stroke) but bounded
                xy[i] = (float) numberIn(s.get(i), "coordinate", -MAX_SIDE, 2.0 * MAX_SIDE);
            }
            strokes.add(xy);
        }
        return new Drawing(width, height, pen, strokes);
    }

    private static int intIn(JsonNode root, String field, int min, int max) {
        return (int) Math.round(numberIn(root.get(field), field, min, max));
    }

    private static double numberIn(JsonNode n, String field, double min, double max) {
        if (n == null || !n.isNumber()) throw new IllegalArgumentException(field + " must be a number");
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < min || v > max) throw new IllegalArgumentException(field + " out of range");
        return v;
    }
}
