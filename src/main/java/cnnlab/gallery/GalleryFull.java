package cnnlab.gallery;

/** A save refused because the gallery reached its bound on pictures or on disk space (see {@link GalleryService.Limits}). */
public final class GalleryFull extends IllegalStateException {
    GalleryFull(String message) {
        super(message);
    }
}
