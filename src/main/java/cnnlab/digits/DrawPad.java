package cnnlab.digits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.function.Consumer;

/** Java side of {@code frontend/draw-pad.ts}: a pad the user draws a digit on. */
@Tag("draw-pad")
@JsModule("./draw-pad.ts")
public class DrawPad extends Component {
    public static final int SIZE = 280;
    /** About a tenth of a digit drawn across most of the pad: MNIST strokes are 2-3 px in a 20 px box. */
    public static final int PEN = 20;

    public DrawPad() {
        getElement().setProperty("size", SIZE);
        getElement().setProperty("pen", PEN);
    }

    /** Called with the whole drawing as JSON whenever it changes (throttled in the browser during a stroke). */
    public Registration addDrawingListener(Consumer<String> listener) {
        return getElement().addEventListener("drawing-changed", e -> listener.accept(e.getEventData().getString("event.detail.drawing")))
                .addEventData("event.detail.drawing");
    }

    public void undo() {
        getElement().callJsFunction("undo");
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }
}
