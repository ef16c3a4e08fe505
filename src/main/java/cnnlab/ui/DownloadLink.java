package cnnlab.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Supplier;

/** A download link whose bytes are made when clicked (a PNG or GIF of the current result), 404 before there is one. */
public final class DownloadLink {
    private DownloadLink() { }

    public static Anchor of(String text, String id, Supplier<Optional<byte[]>> bytes, String fileName, String mime) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            Optional<byte[]> b = bytes.get();
            if (b.isEmpty()) return DownloadResponse.error(404, "nothing to download yet");
            return new DownloadResponse(new ByteArrayInputStream(b.get()), fileName, mime, b.get().length);
        }), AttachmentType.DOWNLOAD, text);
        a.setId(id);
        a.addClassName("lab-download");
        return a;
    }
}
