package cnnlab.gallery;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** One saved picture: the image, its title (as text, never HTML), where and when it was made, by whom, a download. */
final class GalleryCard extends Div {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    GalleryCard(GalleryService gallery, GalleryEntry e) {
        this(gallery, e, null, null);
    }

    /**
     * With {@code onRemove} (for the lab's admins), the card has a Remove button that calls it; with {@code onRemoveAll}
     * also "Remove all by this student", when the gallery knows who saved it.
     */
    GalleryCard(GalleryService gallery, GalleryEntry e, Consumer<GalleryEntry> onRemove, Consumer<GalleryEntry> onRemoveAll) {
        addClassNames("lab-card", "lab-gallery-card");
        getElement().setAttribute("data-id", e.id());
        Image picture = new Image(png(gallery, e, false), e.title());
        picture.addClassName("lab-gallery-picture");
        if (e.kind() == Kind.FEATURES) picture.addClassName("lab-pixels");   // 28-px pictures: keep the pixels sharp
        H4 title = new H4(e.title());
        title.addClassName("lab-gallery-title");
        String by = e.author().isEmpty() ? "" : " · by " + e.author();
        Paragraph meta = new Paragraph(WHEN.format(e.created()) + by);
        meta.addClassName("lab-caption");
        Anchor from = new Anchor(e.link(), e.kind().label());
        from.addClassName("lab-gallery-from");
        Paragraph source = new Paragraph(from);
        if (!e.details().isEmpty()) source.add(" · " + e.details());
        source.addClassName("lab-caption");
        Anchor download = new Anchor(png(gallery, e, true), AttachmentType.DOWNLOAD, "Download PNG");
        download.addClassName("lab-gallery-download");
        add(picture, title, meta, source, download);
        if (onRemove != null) {
            Button remove = new Button("Remove", x -> onRemove.accept(e));
            remove.addClassName("lab-gallery-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(remove);
        }
        if (onRemoveAll != null && !e.saver().isEmpty()) {
            Button removeAll = new Button("Remove all by this student", x -> onRemoveAll.accept(e));
            removeAll.addClassName("lab-gallery-remove-all");
            removeAll.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(removeAll);
        }
    }

    private static DownloadHandler png(GalleryService gallery, GalleryEntry e, boolean attachment) {
        var handler = DownloadHandler.fromInputStream(event -> {
            Optional<byte[]> b = gallery.image(e.id());
            if (b.isEmpty()) return DownloadResponse.error(404, "this picture is gone");
            return new DownloadResponse(new ByteArrayInputStream(b.get()), fileName(e), "image/png", b.get().length);
        });
        return attachment ? handler : handler.inline();
    }

    /** The title as a file name a browser keeps as is: ASCII letters and digits joined by dashes. */
    static String fileName(GalleryEntry e) {
        String slug = e.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
        return (slug.isEmpty() ? "gallery-" + e.id().substring(0, 8) : slug) + ".png";
    }
}
