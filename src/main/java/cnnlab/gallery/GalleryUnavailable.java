package cnnlab.gallery;

/** The gallery's folder or database could not be read or written (disk full, no permission, a damaged file). */
public final class GalleryUnavailable extends IllegalStateException {
    GalleryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
