package cnnlab.ui;

import cnnlab.vision.ImageProblem;
import cnnlab.vision.ImageUpload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives an uploaded image on the request's thread: the body is refused past 10 MB while it streams (not after
 * buffering it), then decoded by {@link ImageUpload}. Results are handed over as (image, file name) or a problem.
 */
public final class ImageUploadHandler implements UploadHandler {
    private final BiConsumer<BufferedImage, String> received;
    private final Consumer<String> problem;

    public ImageUploadHandler(BiConsumer<BufferedImage, String> received, Consumer<String> problem) {
        this.received = received;
        this.problem = problem;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        try {
            BufferedImage image = ImageUpload.read(event.getInputStream());
            received.accept(image, event.getFileName());
        } catch (ImageProblem p) {
            problem.accept(p.getMessage());
        }
    }

    @Override
    public long getFileSizeMax() {
        return ImageUpload.MAX_BYTES;
    }

    @Override
    public long getRequestSizeMax() {
        return ImageUpload.MAX_BYTES + 64 * 1024;   // the multipart envelope around one file
    }
}
