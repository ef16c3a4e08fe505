package cnnlab.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code frontend/sentence-matrix.ts}: the padded sentence's embedding matrix (rows = words, columns =
 * dimensions), with one filter's window outlined across whole rows.
 */
@Tag("sentence-matrix")
@JsModule("./sentence-matrix.ts")
public class SentenceMatrix extends Component {
    private float[][] shown = new float[0][];

    /** {@code rows[r]} is word r's embedding; {@code words} the row labels (padding as "·"). */
    public void show(List<String> words, float[][] rows) {
        shown = rows;
        int cols = rows.length == 0 ? 1 : rows[0].length;
        float max = 0;
        for (float[] row : rows) for (float v : row) max = Math.max(max, Math.abs(v));
        byte[] q = new byte[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < cols; k++) q[r * cols + k] = (byte) Math.round(128 + (max > 0 ? rows[r][k] / max * 127 : 0));
        }
        getElement().setProperty("columns", cols);
        getElement().setProperty("data", Base64.getEncoder().encodeToString(q));
        getElement().setProperty("words", String.join("\n", words));
    }

    /** Outlines rows {@code start} to {@code start + width - 1}: where a filter of that width sits. */
    public void showWindow(int start, int width) {
        getElement().setProperty("windowStart", start);
        getElement().setProperty("windowWidth", width);
    }

    /**
     * Beside the matrix, one filter width's responses: {@code responses[filter][position]} drawn with a row per window
     * start (aligned with the words it starts at) and a column per filter; {@code selected} outlines one filter.
     */
    public void showResponses(float[][] responses, int selected) {
        int filters = responses.length, positions = filters == 0 ? 0 : responses[0].length;
        float max = 0;
        for (float[] f : responses) for (float v : f) max = Math.max(max, v);
        byte[] q = new byte[filters * positions];
        for (int p = 0; p < positions; p++) {
            for (int k = 0; k < filters; k++) q[p * filters + k] = (byte) Math.round(max > 0 ? 255 * Math.max(0, responses[k][p]) / max : 0);
        }
        getElement().setProperty("filters", filters);
        getElement().setProperty("responses", Base64.getEncoder().encodeToString(q));
        getElement().setProperty("selected", selected);
    }

    public int rowsShown() {
        return shown.length;
    }
}
