package cnnlab.vision;

import cnnlab.Lab;
import cnnlab.nn.LectureCnn;
import cnnlab.sessions.LastDrawing;
import cnnlab.ui.Failure;
import cnnlab.ui.LimitedUpload;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where a picture comes from: a built-in photo or painting (with its attribution shown), the user's own upload, or the
 * digit they drew on the digits page. Shows a thumbnail of the current choice.
 */
public class ImageSourcePicker extends Div {
    /** The chosen picture and the words shown under it (a name, an attribution line). */
    public record Choice(String label, String attribution, BufferedImage image) {
        public Picture picture(int channels) {
            return Picture.of(image, channels);
        }
    }

    private static final int THUMB = 160;
    private static final String TOO_LARGE = "That file is larger than 10 MB.";
    private static final Logger LOG = LoggerFactory.getLogger(ImageSourcePicker.class);
    private final Select<BuiltInImage> builtIn = new Select<>();
    private final Upload upload = new Upload();
    private final Button drawing = new Button("My drawing", VaadinIcon.PENCIL.create());
    private final Image thumbnail = new Image();
    private final Paragraph caption = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final Consumer<Choice> listener;
    private Choice value;

    public ImageSourcePicker(String heading, String id, BuiltInImage initial, Consumer<Choice> listener) {
        this.listener = listener;
        setId(id);
        addClassNames("lab-card", "lab-image-source");
        builtIn.setLabel("Built-in");
        builtIn.setItems(BuiltInImage.ALL);
        builtIn.setItemLabelGenerator(i -> i.title() + (i.kind() == BuiltInImage.Kind.PAINTING ? " (painting)" : " (photo)"));
        builtIn.setId(id + "-builtin");
        builtIn.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) choose(new Choice(e.getValue().title(), e.getValue().attribution(), e.getValue().image()));
        });
        upload.setId(id + "-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ImageUpload.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp");
        upload.setDropLabel(new Span("Drop an image (PNG, JPEG, GIF, WebP, BMP; at most 10 MB, 4096 x 4096)"));
        upload.setUploadHandler(new LimitedUpload((int) ImageUpload.MAX_BYTES, TOO_LARGE, this::decodeUpload, problem -> {
            upload.clearFileList();
            showProblem(problem);
        }));
        upload.addFileRejectedListener(e -> showProblem(e.getErrorMessage().toLowerCase(Locale.ROOT).contains("size")
                ? TOO_LARGE : "Please choose a PNG, JPEG, GIF, WebP or BMP image."));
        drawing.setId(id + "-drawing");
        drawing.addThemeVariants(ButtonVariant.LUMO_SMALL);
        drawing.addClickListener(e -> useDrawing());
        thumbnail.setId(id + "-thumbnail");
        thumbnail.addClassName("lab-thumbnail");
        thumbnail.setAlt(heading);
        caption.addClassName("lab-caption");
        caption.setId(id + "-caption");
        problem.addClassName("lab-problem");
        problem.setId(id + "-problem");
        problem.setVisible(false);
        add(new H4(heading), thumbnail, caption, builtIn, drawing, upload, problem);
        builtIn.setValue(initial);
        show(new Choice(initial.title(), initial.attribution(), initial.image()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        drawing.setEnabled(LastDrawing.of(attachEvent.getSession()) != null);
        if (!drawing.isEnabled()) drawing.setTooltipText("Draw a digit on the 'Draw a digit' page first");
    }

    private void useDrawing() {
        float[] digit = getUI().map(ui -> LastDrawing.of(ui.getSession())).orElse(null);
        if (digit == null) {
            showProblem("Draw a digit on the 'Draw a digit' page first.");
            return;
        }
        choose(new Choice("your drawing", "Your digit from the 'Draw a digit' page", Picture.ofDigit(digit, LectureCnn.SIDE, 1).toImage()));
    }

    /** Decodes an uploaded picture on the job pool and shows it in {@code ui}; called on the upload's request thread. */
    private CompletableFuture<BufferedImage> decodeUpload(UI ui, String name, byte[] file) {
        CompletableFuture<BufferedImage> decoding = ImageUpload.decode(Lab.current().jobs(), file).orTimeout(30, TimeUnit.SECONDS);
        decoding.whenComplete((image, error) -> UiAccess.later(ui, () -> {
            upload.clearFileList();   // ready for the next file
            if (error == null) choose(new Choice(name.isBlank() ? "your image" : name, "Your upload", image));
            else if (Failure.cause(error) instanceof ImageProblem p) showProblem(p.getMessage());
            else if (Failure.busy(error)) showProblem("The server is busy: try the picture again in a moment.");
            else showProblem("That picture could not be read (reference " + Failure.logged(LOG, "decoding an uploaded picture", error) + ").");
        }));
        return decoding;
    }

    /** Makes {@code choice} the current picture and tells the listener (also used by tests). */
    public void choose(Choice choice) {
        show(choice);
        if (choice.attribution().startsWith("Your")) builtIn.clear();   // not one of the built-ins any more
        listener.accept(choice);
    }

    private void show(Choice choice) {
        value = choice;
        problem.setVisible(false);
        BufferedImage img = choice.image();
        Picture thumb = Picture.of(img, 3);
        if (Math.max(img.getWidth(), img.getHeight()) > THUMB || Math.max(img.getWidth(), img.getHeight()) < 64) thumb = thumb.fitLongSide(THUMB);
        thumbnail.setSrc(ImageBytes.dataUrl(ImageBytes.jpeg(thumb.toImage(), 0.85f), "image/jpeg"));
        caption.setText(choice.label() + " · " + img.getWidth() + " x " + img.getHeight() + " · " + choice.attribution());
    }

    /** The current choice as a data URL (JPEG) at most {@code side} px, for a page to show before any run. */
    public String previewUrl(int side) {
        Picture p = Picture.of(value.image(), 3);
        if (Math.max(p.width(), p.height()) > side) p = p.fitLongSide(side);
        return ImageBytes.dataUrl(ImageBytes.jpeg(p.toImage(), 0.9f), "image/jpeg");
    }

    public Choice value() {
        return value;
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    Upload upload() {
        return upload;
    }
}
