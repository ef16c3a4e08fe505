package cnnlab.gallery;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Save to gallery" for a page's current picture: opens a small dialog for a title and saves to the lab gallery. A
 * page gives what it shows now as a {@link Snapshot} (or nothing) and enables the button when it has a picture.
 */
public class SaveToGallery extends Button {
    /**
     * The picture as it is when the student clicks (a run may go on while they type the title); {@code png} is called
     * off the UI thread, so it must only read the frame it captured.
     */
    public record Snapshot(Kind kind, String details, String link, Supplier<byte[]> png) { }

    private final Supplier<Optional<Snapshot>> current;

    public SaveToGallery(Supplier<Optional<Snapshot>> current) {
        super("Save to gallery", VaadinIcon.PICTURE.create());
        this.current = current;
        setId("save-to-gallery");
        setEnabled(false);
        addClickListener(e -> open());
    }

    private void open() {
        Optional<Snapshot> s = current.get();
        if (s.isEmpty()) {
            Notification.show("There is no picture to save yet: press Run first.");
            return;
        }
        new SaveDialog(s.get()).open();
    }
}
