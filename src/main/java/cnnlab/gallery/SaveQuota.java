package cnnlab.gallery;

import cnnlab.server.HouseRules;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How much one student may add to the shared gallery, so that one of them (or a script) cannot fill it for everyone:
 * at most {@code perHour} saves in any 60 minutes and {@code perStudent} pictures in the gallery at once, per
 * {@link Saver} (a user with the login on, a browser session with it off); with the login off also at most
 * {@code perAddressHour} saves in 60 minutes from one client address, whatever sessions they come from.
 *
 * <p>Defaults: 10 an hour (a student keeps the pictures worth keeping from a lab session; a script that saved 30 in
 * 55 s gets 10), 50 in all (the gallery's 5,000 shared by a class of 100), 30 an hour per address (a few sessions at
 * one machine: a reopened browser, two students at one PC). A class behind one NAT address, with the login off,
 * shares that last limit: raise it, or turn the login on. Read from CNNLAB_GALLERY_PER_HOUR,
 * CNNLAB_GALLERY_PER_STUDENT and CNNLAB_GALLERY_PER_ADDRESS_HOUR.
 */
public record SaveQuota(int perHour, int perStudent, int perAddressHour) {
    public static final SaveQuota DEFAULT = new SaveQuota(10, 50, 30);
    /** The rolling window of the hourly limits. */
    public static final Duration WINDOW = Duration.ofHours(1);

    public SaveQuota {
        if (perHour < 1 || perStudent < 1 || perAddressHour < 1) throw new IllegalArgumentException("gallery quotas must be at least 1");
    }

    public static SaveQuota from(Map<String, String> env) {
        return new SaveQuota(number(env, "CNNLAB_GALLERY_PER_HOUR", DEFAULT.perHour),
                number(env, "CNNLAB_GALLERY_PER_STUDENT", DEFAULT.perStudent),
                number(env, "CNNLAB_GALLERY_PER_ADDRESS_HOUR", DEFAULT.perAddressHour));
    }

    /** One saver's (or one address's) saves in the last {@link #WINDOW}, and when the oldest of them was made. */
    record Recent(int saves, long oldestMs) {
        static final Recent NONE = new Recent(0, 0);
    }

    /**
     * Why a saver with {@code pictures} in the gallery and these recent saves may not save now, as a sentence for the
     * student; empty if they may.
     */
    Optional<String> refusal(int pictures, Recent bySaver, Recent byAddress, long nowMs) {
        if (bySaver.saves() >= perHour)
            return Optional.of("You have saved " + pictures(bySaver.saves()) + " this hour: the lab's limit is " + perHour
                    + " an hour for each student. You can save again " + whenFree(bySaver, nowMs) + ".");
        if (byAddress.saves() >= perAddressHour)
            return Optional.of(pictures(byAddress.saves()) + " were saved from your computer's network address this hour: the lab's limit is "
                    + perAddressHour + " an hour for each address. You can save again " + whenFree(byAddress, nowMs) + ".");
        if (pictures >= perStudent)
            return Optional.of("You have " + pictures(pictures) + " in the lab gallery: the lab's limit is " + perStudent
                    + " for each student. Ask your teacher to remove some to make room.");
        return Optional.empty();
    }

    private static String whenFree(Recent r, long nowMs) {
        long minutes = Math.max(1, (r.oldestMs() + WINDOW.toMillis() - nowMs + 59_999) / 60_000);
        return minutes == 1 ? "in a minute" : "in " + minutes + " minutes";
    }

    private static String pictures(int n) {
        return n == 1 ? "1 picture" : n + " pictures";
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, HouseRules.number(env, name, fallback));
    }
}
