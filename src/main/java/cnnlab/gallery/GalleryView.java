package cnnlab.gallery;

import cnnlab.admin.AdminAccess;
import cnnlab.Lab;
import cnnlab.ui.Failure;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The lab gallery: every picture the students of this lab saved, newest first, as cards with the picture, its
 * title, the page it came from and when; each picture can be downloaded. Shown a page of cards at a time. The lab's
 * admins (see {@link AdminAccess}) can remove a picture, or all pictures by the student who saved it, after confirming.
 */
@Route("gallery")
@PageTitle("Lab gallery · CNN Lab")
@Menu(title = "Lab gallery", order = 8, icon = "vaadin:picture")
public class GalleryView extends Div {
    static final int PAGE = 24;
    private static final Logger LOG = LoggerFactory.getLogger(GalleryView.class);

    private final GalleryService gallery;
    private final Div cards = new Div();
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph("The gallery is empty. Save a picture from \"What does it learn?\", "
            + "Deep Dream or Deep Style with the \"Save to gallery\" button, and it appears here for the whole lab.");
    private final Paragraph problem = new Paragraph();
    private final Button more = new Button("Show more", VaadinIcon.ANGLE_DOWN.create(), e -> showMore());
    private int shown;
    private final boolean admin = AdminAccess.allows(VaadinRequest.getCurrent());

    public GalleryView() {
        this(Lab.current().gallery());
    }

    GalleryView(GalleryService gallery) {
        this.gallery = gallery;
        addClassName("lab-page");
        Paragraph lead = new Paragraph("Pictures that students of this lab saved from the visualisations, the dreams and "
                + "the styles, newest first. They are kept on the lab server and stay after it restarts.");
        lead.addClassName("lab-lead");
        count.setId("gallery-count");
        count.addClassName("lab-caption");
        empty.setId("gallery-empty");
        problem.setId("gallery-problem");
        problem.addClassName("lab-notice");
        problem.setVisible(false);
        cards.setId("gallery-cards");
        cards.addClassName("lab-gallery");
        more.setId("gallery-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2("Lab gallery"), lead, count, problem, empty, cards, more);
        showMore();
    }

    private void showMore() {
        try {
            int total = gallery.count();
            List<GalleryEntry> page = gallery.list(shown, PAGE);
            for (GalleryEntry e : page)
                cards.add(admin ? new GalleryCard(gallery, e, this::confirmRemove, this::confirmRemoveAll) : new GalleryCard(gallery, e));
            shown += page.size();
            showCount(total);
        } catch (GalleryUnavailable e) {
            problem.setText("The gallery cannot be read just now (reference " + Failure.logged(LOG, "reading the gallery", e) + ").");
            problem.setVisible(true);
            empty.setVisible(false);
            more.setVisible(false);
        }
    }

    private void confirmRemove(GalleryEntry e) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Remove this picture?");
        confirm.add(new Paragraph("\u201c" + e.title() + "\u201d goes from the lab gallery for everyone. This cannot be undone."));
        Button cancel = new Button("Cancel", x -> confirm.close());
        Button remove = new Button("Remove", x -> {
            confirm.close();
            remove(e);
        });
        remove.setId("gallery-remove-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(cancel, remove);
        confirm.open();   // not added to the view: an opened dialog joins the UI and leaves it when closed
    }

    private void confirmRemoveAll(GalleryEntry e) {
        new RemoveAllDialog(gallery, e.saver(), removed -> {   // cards of that student may be anywhere: show the first page again
            cards.removeAll();
            shown = 0;
            showMore();
        }).open();
    }

    /** Off the UI thread (a database write and an fsync), then the card goes. */
    private void remove(GalleryEntry e) {
        UI ui = UI.getCurrent();
        gallery.submitRemove(Lab.current().jobs(), e.id())
                .whenComplete((total, error) -> UiAccess.later(ui, () -> {
                    if (error != null) {
                        problem.setText("The picture could not be removed (reference " + Failure.logged(LOG, "removing a gallery picture", Failure.cause(error)) + ").");
                        problem.setVisible(true);
                        return;
                    }
                    cards.getChildren().filter(c -> e.id().equals(c.getElement().getAttribute("data-id"))).findFirst().ifPresent(cards::remove);
                    shown = Math.max(0, shown - 1);
                    showCount(total);
                }));
    }

    private void showCount(int total) {
        count.setText(total == 1 ? "1 picture" : total + " pictures");
        empty.setVisible(total == 0);
        more.setVisible(shown < total);
    }
}
