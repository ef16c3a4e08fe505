package cnnlab.gallery;

import java.time.Instant;

/**
 * One saved picture as the gallery lists it. {@code author} is "" when the student gave no name; {@code link} is the
 * page (with its settings, where the page keeps them in the address) that made the picture. {@code saver} is the
 * {@link Saver#key()} of who saved it ("" for pictures saved before the gallery noted it): for the admin's pages only.
 */
public record GalleryEntry(String id, String title, String author, Kind kind, String details, String link,
                           Instant created, int width, int height, long bytes, String saver) {
}
