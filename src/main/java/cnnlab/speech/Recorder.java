package cnnlab.speech;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Java side of {@code frontend/audio-recorder.ts}: the browser records from the microphone and posts a WAV file to
 * {@code target}.
 */
@Tag("audio-recorder")
@JsModule("./audio-recorder.ts")
public class Recorder extends Component {
    public Recorder(UploadHandler target) {
        getElement().setAttribute("target", target);
        getElement().setProperty("seconds", 3);
    }
}
