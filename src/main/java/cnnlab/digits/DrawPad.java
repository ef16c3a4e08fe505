package cnnlab.digits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;

import java.util.function.Consumer;

/** Java side of {@code frontend/draw-pad.ts}: a pad the user draws a digit on. */
@Tag("draw-pad")
@JsModule("./draw-pad.ts")
public class DrawPad extends Component {
    public static final int SIZE = 280;
    /** About a tenth of a digit drawn across most of the pad: MNIST strokes are 2-3 px in a 20 px box. */
    public static final int PEN = 20;
    /** The pad's preview interval on a quiet server, and on a busy one. */
    public static final int PREVIEW_MS = 100, BUSY_PREVIEW_MS = 500;
    private int previewMs = PREVIEW_MS;
    private static final String DRAWING = "event.detail.drawing", SETTLED = "event.detail.settled", SEQ = "event.detail.seq";

    /**
     * One drawing from the pad, as JSON. {@code settled}: the pen is up (a stroke ended, undo, clear), so this is the
     * drawing the user wants read; otherwise a live preview sent mid-stroke. {@code seq} numbers the pad's events
     * (0 when the browser sent none).
     */
    public record Sketch(String json, boolean settled, long seq) { }

    public DrawPad() {
        getElement().setProperty("size", SIZE);
        getElement().setProperty("pen", PEN);
    }

    /** Called whenever the drawing changes (throttled in the browser during a stroke). */
    public Registration addDrawingListener(Consumer<Sketch> listener) {
        return getElement().addEventListener("drawing-changed", e -> listener.accept(sketch(e.getEventData())))
                .addEventData(DRAWING).addEventData(SETTLED).addEventData(SEQ);
    }

    /** Reads the event's fields defensively: they come from the browser, which may send anything. */
    static Sketch sketch(JsonObject data) {
        JsonValue drawing = data.get(DRAWING), settled = data.get(SETTLED), seq = data.get(SEQ);
        double n = seq != null && seq.getType() == JsonType.NUMBER ? seq.asNumber() : 0;
        return new Sketch(drawing != null && drawing.getType() == JsonType.STRING ? drawing.asString() : "",
                settled != null && settled.getType() == JsonType.BOOLEAN && settled.asBoolean(),
                Double.isFinite(n) && n > 0 && n < 1e15 ? (long) n : 0);
    }

    /**
     * How often the pad sends a preview during a stroke, in milliseconds (the browser's default is {@link #PREVIEW_MS}).
     * A busy server asks for fewer: each preview is a message it must handle even when it skips the reading.
     */
    public void setPreviewInterval(int ms) {
        if (ms != previewMs) getElement().setProperty("throttleMs", ms);
        previewMs = ms;
    }

    public void undo() {
        getElement().callJsFunction("undo");
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }
}
