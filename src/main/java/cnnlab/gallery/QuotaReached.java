package cnnlab.gallery;

/** A save refused because its student reached their share of the gallery (see {@link SaveQuota}); the message is for them. */
public final class QuotaReached extends IllegalStateException {
    QuotaReached(String message) {
        super(message);
    }
}
