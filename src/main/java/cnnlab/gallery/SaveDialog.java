package cnnlab.gallery;

import cnnlab.admin.AdminAccess;
import cnnlab.Lab;
import cnnlab.sessions.PageWatch;
import cnnlab.ui.Failure;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The title (and optional name) for a picture going to the gallery. The save runs on the shared job runner (it
 * encodes a PNG and waits for two fsyncs), and the dialog closes only when the gallery has acknowledged it.
 */
final class SaveDialog extends Dialog {
    private static final Logger LOG = LoggerFactory.getLogger(SaveDialog.class);
    /** The name typed last in this browser session, offered again next time. */
    private static final String AUTHOR = SaveDialog.class.getName() + ".author";

    private final SaveToGallery.Snapshot snapshot;
    private final TextField title = new TextField("Title");
    private final TextField author = new TextField("Your name (optional)");
    private final Paragraph problem = new Paragraph();
    private final Button save = new Button("Save", e -> save());

    SaveDialog(SaveToGallery.Snapshot snapshot) {
        this.snapshot = snapshot;
        setHeaderTitle("Save to the lab gallery");
        title.setId("gallery-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(Submission.MAX_TITLE);
        title.setPlaceholder("e.g. Cats in conv2's eyes");
        title.setHelperText("Everyone in this lab can see the gallery.");
        title.setWidthFull();
        author.setId("gallery-author");
        author.setMaxLength(Submission.MAX_AUTHOR);
        author.setWidthFull();
        Object remembered = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(AUTHOR);
        if (remembered instanceof String s) author.setValue(s);
        Paragraph from = new Paragraph("From " + snapshot.kind().label() + (snapshot.details().isBlank() ? "" : ": " + snapshot.details()));
        from.addClassName("lab-caption");
        problem.setId("gallery-problem");
        problem.addClassName("lab-notice");
        problem.setVisible(false);
        VerticalLayout form = new VerticalLayout(title, author, from, problem);
        form.setPadding(false);
        form.setSpacing(false);
        form.setWidth("min(26rem, 80vw)");
        add(form);

        save.setId("gallery-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setDisableOnClick(true);   // in the browser at once: a double click saves once
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("gallery-cancel");
        HorizontalLayout buttons = new HorizontalLayout(cancel, save);
        buttons.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        getFooter().add(buttons);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) title.focus();
        });
    }

    private void save() {
        String t = Submission.clean(title.getValue());
        if (t.isEmpty()) {
            title.setErrorMessage("Give the picture a title");
            title.setInvalid(true);
            save.setEnabled(true);
            return;
        }
        title.setInvalid(false);
        problem.setVisible(false);
        save.setEnabled(false);
        save.setText("Saving…");
        String a = author.getValue();
        VaadinSession.getCurrent().setAttribute(AUTHOR, Submission.clean(a));
        Saver by = saver(VaadinSession.getCurrent(), VaadinRequest.getCurrent());
        UI ui = UI.getCurrent();
        Lab lab = Lab.current();
        lab.gallery().submitSave(lab.jobs(), () -> new Submission(t, a, snapshot.kind(), snapshot.details(), snapshot.link(), snapshot.png().get()), by)
                .whenComplete((entry, error) -> UiAccess.later(ui, () -> saved(entry, error)));
    }

    private void saved(GalleryEntry entry, Throwable error) {
        if (error == null) {
            close();
            notifySaved(entry);
            return;
        }
        Throwable cause = Failure.cause(error);
        String message;
        if (cause instanceof IllegalArgumentException || cause instanceof GalleryFull || cause instanceof QuotaReached)
            message = sentence(cause.getMessage());
        else if (Failure.busy(cause)) message = "The server is busy. Please try again in a moment.";
        else message = "The picture could not be saved (reference " + Failure.logged(LOG, "saving to the gallery", cause) + "). Please try again.";
        problem.setText(message);
        problem.setVisible(true);
        save.setText("Save");
        save.setEnabled(true);
    }

    /**
     * Who is saving, for the gallery's quota: the user with the login on; with it off this browser session, and its
     * address unless it is the server machine itself (an admin; and, if CNNLAB_BEHIND_PROXY is forgotten behind a
     * proxy, every student: better no address limit then than one shared by the whole class).
     */
    static Saver saver(VaadinSession session, VaadinRequest request) {
        Object user = session.getAttribute(PageWatch.USER_ATTRIBUTE);
        if (user != null) return Saver.user(user.toString());
        WrappedSession wrapped = session.getSession();
        String id = wrapped == null ? Integer.toHexString(System.identityHashCode(session)) : wrapped.getId();
        return Saver.session(id, request == null || AdminAccess.allows(request) ? null : request.getRemoteAddr());
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static void notifySaved(GalleryEntry entry) {
        Span text = new Span("Saved to the lab gallery as '" + entry.title() + "'.");
        text.setId("gallery-saved");
        RouterLink open = new RouterLink("Open the gallery", GalleryView.class);
        open.setId("gallery-open");
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        HorizontalLayout content = new HorizontalLayout(text, open);
        content.setAlignItems(FlexComponent.Alignment.BASELINE);
        n.add(content);
        n.setDuration(8000);
        n.setPosition(Notification.Position.BOTTOM_START);
        open.getElement().addEventListener("click", e -> n.close());
        n.open();
    }
}
