package cnnlab.gallery;

import cnnlab.jobs.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lab's shared gallery: pictures students saved from the features, Deep Dream and Deep Style pages, each with a
 * title, kept on disk so that a restart, or a {@code kill -9} in the middle of saving, loses nothing that was
 * acknowledged. One folder holds {@code gallery.db} (SQLite) and {@code pictures/} (one PNG per entry).
 *
 * <p><b>Why SQLite and not H2.</b> The gallery is also the shared store of two or more app instances on one machine
 * behind nginx. SQLite coordinates writers in different processes through file locks on the database itself, so each
 * instance simply opens the same file. H2 in embedded mode locks its file to ONE process; sharing it needs H2's
 * AUTO_SERVER mode, where the first instance serves the database to the others over TCP and the others must take
 * over when it stops: more moving parts, for a table that gets a few writes a minute. SQLite's file format is also
 * stable and readable by the {@code sqlite3} tool, which helps the admin of a lab server. (SQLite's locking needs a
 * local disk, not a network file system: one machine, as the scale-out here is.)
 *
 * <p><b>Saving, in this order</b> (a save is acknowledged only when {@link #save} returns):
 * <ol>
 * <li>check the submission (title, PNG header and size) before touching the disk;</li>
 * <li>{@code BEGIN IMMEDIATE}: SQLite's write lock, held across processes until the end;</li>
 * <li>check the gallery's bounds ({@link Limits}) and the student's share ({@link SaveQuota}), counted in the database so
 * that they hold across instances;</li>
 * <li>the PNG to a temporary file in the pictures folder, fsync, atomic rename to {@code <random id>.png}, fsync of
 * the folder;</li>
 * <li>insert the entry, note the save in the last hour's log, and commit (the WAL is synced: synchronous=FULL).</li>
 * </ol>
 * A kill before the commit leaves at most a temporary file or a picture without an entry; a kill after it leaves a
 * complete entry with a complete picture. Because a writer holds the write lock from before its file exists until its
 * row is committed, the sweep at {@link #open} (which takes the same lock) can tell a dead writer's leftovers from a
 * live writer's work in another instance, and deletes only the former.
 */
public final class GalleryService {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryService.class);
    static final String DATABASE = "gallery.db", PICTURES = "pictures";
    private static final SecureRandom IDS = new SecureRandom();

    /**
     * How much a gallery holds. Defaults: 4 MB and 4096 px a side per PNG (a 512-px dream is ~0.5 MB); 5,000 entries
     * and 1 GiB of pictures in all, a class of 100 saving 50 pictures each. A full gallery refuses new pictures with
     * a message rather than dropping old ones: nothing acknowledged is ever lost, the lab's admin makes room.
     */
    public record Limits(int maxEntries, long maxTotalBytes, int maxPngBytes, int maxSide) {
        public static final Limits DEFAULT = new Limits(5_000, 1L << 30, 4 << 20, 4096);
    }

    /** What the sweep at opening found and removed (temporaries, pictures without an entry), and entries without a picture. */
    public record Sweep(int temporaries, int orphans, int missing) { }

    /** One saver's pictures in the gallery (see {@link Saver#describe}), for the admin. */
    public record SaverTotal(String saver, int pictures, long bytes, Instant lastSaved) { }

    private final PictureFiles pictures;
    private final GalleryDatabase database;
    private final Limits limits;
    private final SaveQuota quota;
    /** The time of saves; two instances on one machine share it, as the hourly limits need. */
    private final Clock clock;
    private final Sweep sweep;
    /** One save at a time per process; other processes wait on SQLite's lock. */
    private final ReentrantLock saving = new ReentrantLock(true);

    private GalleryService(PictureFiles pictures, GalleryDatabase database, Limits limits, SaveQuota quota, Clock clock) throws SQLException, IOException {
        this.pictures = pictures;
        this.database = database;
        this.limits = limits;
        this.quota = quota;
        this.clock = clock;
        this.sweep = sweepAndCreate();
    }

    /**
     * Opens (creating if needed) the lab's gallery in {@code folder}, with the default bounds and the quota that the
     * environment sets ({@link SaveQuota#from}), and sweeps what killed saves left behind.
     */
    public static GalleryService open(Path folder) {
        return open(folder, Limits.DEFAULT, SaveQuota.from(System.getenv()));
    }

    public static GalleryService open(Path folder, Limits limits, SaveQuota quota) {
        return open(folder, limits, quota, Clock.systemUTC());
    }

    static GalleryService open(Path folder, Limits limits, SaveQuota quota, Clock clock) {
        try {
            Files.createDirectories(folder);
            GalleryService g = new GalleryService(new PictureFiles(folder.resolve(PICTURES)), new GalleryDatabase(folder.resolve(DATABASE)), limits, quota, clock);
            LOG.info("gallery {}: {} pictures; swept {}; {}", folder.toAbsolutePath(), g.count(), g.sweep, quota);
            return g;
        } catch (IOException | SQLException e) {
            // file-system messages are often just the path: say what kind of failure it was
            String why = e instanceof IOException ? e.getClass().getSimpleName() + " " + e.getMessage() : e.getMessage();
            throw new GalleryUnavailable("the gallery folder " + folder.toAbsolutePath() + " cannot be used (" + why + ")", e);
        }
    }

    /**
     * {@link #save} as a job on the pool, for a page: a database write, an fsync and the PNG itself ({@code submission}
     * is made on the pool too) never hold a UI thread.
     */
    public CompletableFuture<GalleryEntry> submitSave(JobRunner jobs, Supplier<Submission> submission, Saver by) {
        return jobs.submit(() -> CompletableFuture.completedFuture(save(submission.get(), by)));
    }

    /** {@link #remove} as a job on the pool; the future holds how many pictures the gallery has left. */
    public CompletableFuture<Integer> submitRemove(JobRunner jobs, String id) {
        return jobs.submit(() -> {
            remove(id);
            return CompletableFuture.completedFuture(count());
        });
    }

    /** {@link #removeAllBy} as a job on the pool; the future holds how many were removed. */
    public CompletableFuture<Integer> submitRemoveAllBy(JobRunner jobs, String saver) {
        return jobs.submit(() -> CompletableFuture.completedFuture(removeAllBy(saver)));
    }

    /**
     * Stores the picture, saved {@code by} a student, and its entry durably, and returns the entry only then: this
     * return is the acknowledgement.
     *
     * @throws IllegalArgumentException a bad title or picture (the message is for the student)
     * @throws GalleryFull              the gallery is at its bound
     * @throws QuotaReached             the student has saved their share (the message is for them)
     * @throws GalleryUnavailable       the disk or the database failed; nothing was stored
     */
    public GalleryEntry save(Submission s, Saver by) {
        if (s.png().length > limits.maxPngBytes())
            throw new IllegalArgumentException("The picture is larger than " + size(limits.maxPngBytes()));
        int[] size = PictureFiles.dimensions(s.png());
        if (size[0] > limits.maxSide() || size[1] > limits.maxSide())
            throw new IllegalArgumentException("The picture is larger than " + limits.maxSide() + " pixels a side");
        long now = clock.millis();
        GalleryEntry entry = new GalleryEntry(newId(), s.title(), s.author(), s.kind(), s.details(), s.link(),
                Instant.ofEpochMilli(now), size[0], size[1], s.png().length, by.key());   // as stored
        saving.lock();
        try (Connection c = database.connect()) {
            GalleryDatabase.beginImmediate(c);
            boolean written = false, committed = false;
            try {
                GalleryDatabase.Totals t = GalleryDatabase.totals(c);
                if (t.entries() >= limits.maxEntries())
                    throw new GalleryFull("The lab gallery is full (" + t.entries() + " pictures). Ask your teacher to make room.");
                if (t.bytes() + entry.bytes() > limits.maxTotalBytes())
                    throw new GalleryFull("The lab gallery is full (" + (t.bytes() >> 20) + " MB of pictures). Ask your teacher to make room.");
                checkQuota(c, by, now);
                written = true;   // from here a failure may have left a file behind
                pictures.write(entry.id(), s.png());
                GalleryDatabase.insert(c, entry);
                GalleryDatabase.logSave(c, by, now, windowStart(now));
                GalleryDatabase.commit(c);
                committed = true;
                return entry;
            } finally {
                if (!committed) {
                    GalleryDatabase.rollbackQuietly(c);
                    if (written) deleteQuietly(entry.id());
                }
            }
        } catch (SQLException | IOException e) {
            throw new GalleryUnavailable("the gallery could not store the picture: " + e.getMessage(), e);
        } finally {
            saving.unlock();
        }
    }

    /** Under the write lock: refuses the save if its student reached a limit of {@link SaveQuota}. */
    private void checkQuota(Connection c, Saver by, long now) throws SQLException {
        long since = windowStart(now);
        SaveQuota.Recent mine = GalleryDatabase.recent(c, false, by.key(), since);
        SaveQuota.Recent fromAddress = by.address().isEmpty() ? SaveQuota.Recent.NONE : GalleryDatabase.recent(c, true, by.address(), since);
        Optional<String> refusal = quota.refusal(GalleryDatabase.picturesBy(c, by.key()), mine, fromAddress, now);
        if (refusal.isPresent()) throw new QuotaReached(refusal.get());
    }

    private static long windowStart(long now) {
        return now - SaveQuota.WINDOW.toMillis();
    }

    /**
     * Removes an entry and its picture (the lab's admin making room, or taking down what does not belong).
     *
     * @return false if there was no such entry
     */
    public boolean remove(String id) {
        if (!PictureFiles.isId(id)) return false;
        return removeRows(c -> GalleryDatabase.delete(c, id) ? List.of(id) : List.of()) == 1;
    }

    /**
     * Removes every picture saved by {@code saver} (a {@link Saver#key()}): the admin taking down what one student or
     * script filled the gallery with. Their saves in the last hour still count for the hourly limit.
     *
     * @return how many pictures were removed
     */
    public int removeAllBy(String saver) {
        if (saver == null || saver.isEmpty()) return 0;   // "": saved before the gallery noted savers, not one student
        return removeRows(c -> GalleryDatabase.deleteBy(c, saver));
    }

    /** Deletes rows in a transaction that returns their ids. */
    private interface RowDeletion {
        List<String> delete(Connection c) throws SQLException;
    }

    /**
     * The rows go first, in a committed transaction: from then on nobody sees the entries; a kill before the files are
     * deleted leaves orphan pictures that the next start sweeps.
     */
    private int removeRows(RowDeletion deletion) {
        saving.lock();
        try (Connection c = database.connect()) {
            GalleryDatabase.beginImmediate(c);
            boolean committed = false;
            try {
                List<String> ids = deletion.delete(c);
                GalleryDatabase.commit(c);
                committed = true;
                for (String id : ids) pictures.delete(id);
                if (!ids.isEmpty()) pictures.syncFolder();
                return ids.size();
            } finally {
                if (!committed) GalleryDatabase.rollbackQuietly(c);
            }
        } catch (SQLException | IOException e) {
            throw new GalleryUnavailable("the gallery could not remove pictures: " + e.getMessage(), e);
        } finally {
            saving.unlock();
        }
    }

    /** A page of entries, newest first. */
    public List<GalleryEntry> list(int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must be >= 0");
        try (Connection c = database.connect()) {
            return GalleryDatabase.page(c, offset, limit);
        } catch (SQLException e) {
            throw new GalleryUnavailable("the gallery cannot be read: " + e.getMessage(), e);
        }
    }

    public int count() {
        try (Connection c = database.connect()) {
            return GalleryDatabase.totals(c).entries();
        } catch (SQLException e) {
            throw new GalleryUnavailable("the gallery cannot be read: " + e.getMessage(), e);
        }
    }

    /** How many pictures of {@code saver} (a {@link Saver#key()}) the gallery holds. */
    public int picturesBy(String saver) {
        try (Connection c = database.connect()) {
            return GalleryDatabase.picturesBy(c, saver);
        } catch (SQLException e) {
            throw new GalleryUnavailable("the gallery cannot be read: " + e.getMessage(), e);
        }
    }

    /** The {@code limit} savers with the most pictures in the gallery, most first. */
    public List<SaverTotal> topSavers(int limit) {
        try (Connection c = database.connect()) {
            return GalleryDatabase.savers(c, limit);
        } catch (SQLException e) {
            throw new GalleryUnavailable("the gallery cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<GalleryEntry> entry(String id) {
        if (!PictureFiles.isId(id)) return Optional.empty();
        try (Connection c = database.connect()) {
            return GalleryDatabase.find(c, id);
        } catch (SQLException e) {
            throw new GalleryUnavailable("the gallery cannot be read: " + e.getMessage(), e);
        }
    }

    /** The PNG of a committed entry; empty for an unknown or malformed id (never a path outside the folder). */
    public Optional<byte[]> image(String id) {
        if (entry(id).isEmpty()) return Optional.empty();
        try {
            return Optional.of(pictures.read(id));
        } catch (IOException e) {
            LOG.warn("gallery picture {} cannot be read: {}", id, e.toString());
            return Optional.empty();
        }
    }

    /** What the sweep at opening did. */
    public Sweep sweep() {
        return sweep;
    }

    public Limits limits() {
        return limits;
    }

    public SaveQuota quota() {
        return quota;
    }

    /**
     * Under the write lock: creates the table if new, deletes temporaries and pictures that no committed entry names
     * (a save killed before its commit), and counts entries whose picture is gone (someone deleted files by hand:
     * logged, kept; their cards show no image).
     */
    private Sweep sweepAndCreate() throws SQLException, IOException {
        try (Connection c = database.connect()) {
            GalleryDatabase.beginImmediate(c);
            try {
                GalleryDatabase.createSchema(c);
                GalleryDatabase.forgetSaves(c, windowStart(clock.millis()));
                Set<String> ids = GalleryDatabase.ids(c);
                PictureFiles.Listing found = pictures.list();
                for (Path t : found.temporaries()) pictures.deleteTemporary(t);
                int orphans = 0;
                for (String id : found.ids()) {
                    if (!ids.contains(id)) {
                        pictures.delete(id);
                        orphans++;
                    }
                }
                if (!found.temporaries().isEmpty() || orphans > 0) pictures.syncFolder();
                ids.removeAll(found.ids());
                if (!ids.isEmpty()) LOG.warn("gallery: {} entries have lost their picture file, e.g. {}", ids.size(), ids.iterator().next());
                GalleryDatabase.commit(c);
                return new Sweep(found.temporaries().size(), orphans, ids.size());
            } catch (SQLException | IOException | RuntimeException e) {
                GalleryDatabase.rollbackQuietly(c);
                throw e;
            }
        }
    }

    private void deleteQuietly(String id) {
        try {
            pictures.delete(id);
        } catch (IOException e) {
            LOG.warn("gallery: could not remove the picture of a failed save {} (the next start sweeps it): {}", id, e.toString());
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    private static String newId() {
        byte[] b = new byte[16];
        IDS.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
