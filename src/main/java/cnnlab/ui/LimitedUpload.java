package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Receives one uploaded file into memory for a page, with the limits checked on the server while the body streams,
 * not only by the browser (issue 19: a 400 MB body sent past the browser's check raised RSS from 0.7 to 2.0 GB):
 * <ul>
 * <li>a body announced larger than the limit is refused before any of it is read, and one that turns out larger is
 * read no further than one byte past the limit;</li>
 * <li>one upload per browser session at a time, from its first byte until the page's work on it is done: a student's
 * parallel requests hold one file and one job, not eight.</li>
 * </ul>
 * A refusal answers 413 or 429 with a sentence that the page shows too, and logs one line without a stack trace.
 * <p>
 * The whole request is handled here rather than by Vaadin's upload plumbing (TransferUtil in 24.9), which for an
 * over-limit body logs a warning with a stack trace and answers 500 without telling the page, and which fires the
 * Upload component's start event, whose check of {@code setMaxFiles} throws "Maximum supported amount of uploads
 * already started" for a second request reaching the component while one is running: another 500, logged as an
 * ERROR with its stack trace.
 */
public final class LimitedUpload implements UploadHandler {
    /** Room for the multipart envelope around one file: boundaries and part headers, a long file name. */
    private static final int ENVELOPE = 64 * 1024;
    private static final String ONE_AT_A_TIME = "One file at a time, please: the last one is still being read.";
    private static final Logger LOG = LoggerFactory.getLogger(LimitedUpload.class);
    /** The session attribute holding whether one of its uploads is being received or worked on. */
    private static final String BUSY = LimitedUpload.class.getName() + ".busy";

    /** What a page does with a received file. */
    @FunctionalInterface
    public interface Receiver {
        /**
         * Starts the page's work on {@code bytes} off this request's thread (on the job pool) and returns it: the
         * session's next upload is taken once it completes. The page is changed through {@code ui.access}.
         */
        CompletableFuture<?> received(UI ui, String fileName, byte[] bytes);
    }

    private final int maxBytes;
    private final String tooLarge;
    private final Receiver receiver;
    private final Consumer<String> refused;

    /**
     * @param tooLarge the sentence the page shows for a file over {@code maxBytes} (as for its browser-side check)
     * @param refused shows a refusal's sentence on the page (run inside the page's UI)
     */
    public LimitedUpload(int maxBytes, String tooLarge, Receiver receiver, Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
        this.receiver = receiver;
        this.refused = refused;
    }

    @Override
    public void handleRequest(VaadinRequest request, VaadinResponse response, VaadinSession session, Element owner) throws IOException {
        UI ui;
        AtomicBoolean busy;
        session.lock();
        try {
            ui = owner.getComponent().flatMap(Component::getUI).orElse(null);
            busy = (AtomicBoolean) session.getAttribute(BUSY);
            if (busy == null) session.setAttribute(BUSY, busy = new AtomicBoolean());
        } finally {
            session.unlock();
        }
        if (ui == null || !(request instanceof HttpServletRequest http) || !JakartaServletFileUpload.isMultipartContent(http)) {
            answer(response, 400, "Send one file as multipart/form-data.");
            return;
        }
        if (http.getContentLengthLong() > maxBytes + ENVELOPE) {
            refuse(response, ui, 413, tooLarge);
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            refuse(response, ui, 429, ONE_AT_A_TIME);
            return;
        }
        CompletableFuture<?> work = null;
        try {
            work = receive(http, response, ui);
        } finally {
            AtomicBoolean slot = busy;
            if (work == null) slot.set(false);
            else work.whenComplete((result, error) -> slot.set(false));
        }
    }

    /** Reads the file and hands it to the page; returns the page's work on it, or null if it was refused. */
    private CompletableFuture<?> receive(HttpServletRequest request, VaadinResponse response, UI ui) throws IOException {
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload = new JakartaServletFileUpload<>();
        upload.setSizeMax(maxBytes + ENVELOPE);   // bounds what is read before and around the file, too
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        String name = null;
        byte[] bytes = null;
        try {
            FileItemInputIterator items = upload.getItemIterator(request);
            while (bytes == null && items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) continue;
                name = item.getName();
                // not closed: closing would read the rest of an over-large part just to skip it
                InputStream in = item.getInputStream();
                bytes = in.readNBytes(maxBytes + 1);
            }
        } catch (FileUploadSizeException e) {
            refuse(response, ui, 413, tooLarge);
            return null;
        } catch (IOException e) {   // cut short, malformed, or the client went away: nothing for the page to show
            LOG.info("Upload not received: {}", e.getMessage());
            answer(response, 400, "The upload was cut short or malformed.");
            return null;
        }
        if (bytes == null) {
            answer(response, 400, "Send one file as multipart/form-data.");
            return null;
        }
        if (bytes.length > maxBytes) {
            refuse(response, ui, 413, tooLarge);
            return null;
        }
        CompletableFuture<?> work = receiver.received(ui, name == null ? "" : name, bytes);
        response.setStatus(200);
        return work;
    }

    private void refuse(VaadinResponse response, UI ui, int status, String sentence) throws IOException {
        LOG.info("Upload refused with {}: {}", status, sentence);
        UiAccess.later(ui, () -> refused.accept(sentence));
        answer(response, status, sentence);
    }

    /** A short plain-text answer; the connection closes, so that an unread body is not waited for. */
    private static void answer(VaadinResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Not called: {@link #handleRequest} takes the whole request. */
    @Override
    public void handleUploadRequest(UploadEvent event) {
        throw new UnsupportedOperationException("LimitedUpload handles the whole request");
    }
}
