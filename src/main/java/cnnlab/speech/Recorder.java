package cnnlab.speech;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.function.Consumer;

/**
 * Java side of {@code frontend/audio-recorder.ts}: the browser records from the microphone and posts a WAV file
 * here; {@code onRecording} then gets its bytes on the UI thread.
 */
@Tag("audio-recorder")
@JsModule("./audio-recorder.ts")
public class Recorder extends Component {
    public Recorder(Consumer<byte[]> onRecording) {
        // runs on the upload request's thread: reach the UI through the component
        getElement().setAttribute("target", UploadHandler.inMemory((meta, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> onRecording.accept(bytes)))));
        getElement().setProperty("seconds", 3);
    }
}
