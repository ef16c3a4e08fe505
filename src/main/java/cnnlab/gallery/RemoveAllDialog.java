package cnnlab.gallery;

import cnnlab.Lab;
import cnnlab.ui.Failure;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntConsumer;

/**
 * The admin's "remove all by this student", after confirming: every picture one saver put in the gallery goes, off
 * the UI thread (a database write and a file deletion per picture), and {@code removed} hears how many went. Offered
 * on the gallery's cards and on the admin page.
 */
public final class RemoveAllDialog extends Dialog {
    private static final Logger LOG = LoggerFactory.getLogger(RemoveAllDialog.class);

    public RemoveAllDialog(GalleryService gallery, String saver, IntConsumer removed) {
        int pictures = gallery.picturesBy(saver);
        String who = Saver.describe(saver);
        setHeaderTitle("Remove all pictures by " + who + "?");
        add(new Paragraph("The " + (pictures == 1 ? "1 picture saved by " + who + " goes" : pictures + " pictures saved by " + who + " go")
                + " from the lab gallery for everyone. This cannot be undone."));
        Button cancel = new Button("Cancel", x -> close());
        Button remove = new Button("Remove " + pictures, x -> {
            close();
            removeAll(gallery, saver, removed);
        });
        remove.setId("gallery-remove-all-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, remove);
    }

    private static void removeAll(GalleryService gallery, String saver, IntConsumer removed) {
        UI ui = UI.getCurrent();
        gallery.submitRemoveAllBy(Lab.current().jobs(), saver)
                .whenComplete((n, error) -> UiAccess.later(ui, () -> {
                    if (error == null) {
                        LOG.info("gallery: an admin removed {} pictures by {}", n, Saver.describe(saver));
                        removed.accept(n);
                        return;
                    }
                    String why = Failure.busy(error) ? "the server is busy, please try again"
                            : "reference " + Failure.logged(LOG, "removing a student's gallery pictures", error);
                    Notification.show("The pictures could not be removed (" + why + ").").addThemeVariants(NotificationVariant.LUMO_ERROR);
                }));
    }
}
