package cnnlab.gallery;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gallery's table of entries in one SQLite file. A connection per operation (opening one costs well under a
 * millisecond and holds nothing between requests); writes run in {@code BEGIN IMMEDIATE} transactions, which take
 * SQLite's write lock at once, so a save or a sweep in another process waits (busy timeout) instead of failing
 * half-way. WAL lets readers go on while one process writes; synchronous=FULL syncs the log at every commit, so a
 * commit survives even a power cut (NORMAL would survive a killed process but not that, for a saving the speed of
 * one fsync per picture, which no student notices).
 */
final class GalleryDatabase {
    /** 1: the pictures; 2: who saved each (quota, remove all by a student) and the log of the last hour's saves. */
    static final int SCHEMA_VERSION = 2;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final String COLUMNS = "id, title, author, kind, details, link, created_ms, width, height, bytes, saver";

    private final String url;
    private final SQLiteConfig config = new SQLiteConfig();

    GalleryDatabase(Path file) {
        url = "jdbc:sqlite:" + file.toAbsolutePath();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
    }

    Connection connect() throws SQLException {
        return config.createConnection(url);
    }

    /** Starts a write transaction holding SQLite's write lock (across processes) until commit or rollback. */
    static void beginImmediate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    static void commit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    static void rollbackQuietly(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite rolls back by itself on some errors)
        }
    }

    /**
     * Creates the tables on a new database and brings an older one up to date, a version at one time; refuses one written
     * by a newer schema. Inside a write transaction. Pictures saved before version 2 have saver "": they count for nobody.
     */
    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION)
                throw new SQLException("the gallery database has schema " + version + ", newer than this CNN Lab's " + SCHEMA_VERSION);
            s.execute("""
                    CREATE TABLE IF NOT EXISTS picture (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      id TEXT NOT NULL UNIQUE,
                      title TEXT NOT NULL,
                      author TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      details TEXT NOT NULL,
                      link TEXT NOT NULL,
                      created_ms INTEGER NOT NULL,
                      width INTEGER NOT NULL,
                      height INTEGER NOT NULL,
                      bytes INTEGER NOT NULL)""");
            if (version < 2) {
                s.execute("ALTER TABLE picture ADD COLUMN saver TEXT NOT NULL DEFAULT ''");
                s.execute("CREATE INDEX picture_by_saver ON picture (saver)");
                // one row per save of the last hour: the hourly limits count saves, not pictures an admin may have removed
                s.execute("CREATE TABLE recent_save (saver TEXT NOT NULL, address TEXT NOT NULL, saved_ms INTEGER NOT NULL)");
            }
            if (version < SCHEMA_VERSION) s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        }
    }

    static void insert(Connection c, GalleryEntry e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO picture (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, e.id());
            p.setString(2, e.title());
            p.setString(3, e.author());
            p.setString(4, e.kind().name());
            p.setString(5, e.details());
            p.setString(6, e.link());
            p.setLong(7, e.created().toEpochMilli());
            p.setInt(8, e.width());
            p.setInt(9, e.height());
            p.setLong(10, e.bytes());
            p.setString(11, e.saver());
            p.executeUpdate();
        }
    }

    /** Notes a save in the log that the hourly limits count, and forgets saves (and their addresses) made at or before {@code forgetBeforeMs}. */
    static void logSave(Connection c, Saver by, long ms, long forgetBeforeMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO recent_save (saver, address, saved_ms) VALUES (?, ?, ?)")) {
            p.setString(1, by.key());
            p.setString(2, by.address());
            p.setLong(3, ms);
            p.executeUpdate();
        }
        forgetSaves(c, forgetBeforeMs);
    }

    static void forgetSaves(Connection c, long beforeMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM recent_save WHERE saved_ms <= ?")) {
            p.setLong(1, beforeMs);
            p.executeUpdate();
        }
    }

    /** Saves by this saver ({@code byAddress} false) or from this address (true) after {@code sinceMs}. */
    static SaveQuota.Recent recent(Connection c, boolean byAddress, String who, long sinceMs) throws SQLException {
        String sql = "SELECT count(*), coalesce(min(saved_ms), 0) FROM recent_save WHERE " + (byAddress ? "address" : "saver") + " = ? AND saved_ms > ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, who);
            p.setLong(2, sinceMs);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return new SaveQuota.Recent(r.getInt(1), r.getLong(2));
            }
        }
    }

    /** How many pictures of this saver the gallery holds. */
    static int picturesBy(Connection c, String saver) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM picture WHERE saver = ?")) {
            p.setString(1, saver);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Deletes every entry of this saver and returns their ids (their pictures are the caller's to delete). */
    static List<String> deleteBy(Connection c, String saver) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("DELETE FROM picture WHERE saver = ? RETURNING id")) {
            p.setString(1, saver);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /** The savers with the most pictures in the gallery, most first (pictures saved before version 2 are left out). */
    static List<GalleryService.SaverTotal> savers(Connection c, int limit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT saver, count(*), sum(bytes), max(created_ms) FROM picture WHERE saver <> '' "
                + "GROUP BY saver ORDER BY count(*) DESC, max(seq) DESC LIMIT ?")) {
            p.setInt(1, limit);
            List<GalleryService.SaverTotal> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new GalleryService.SaverTotal(r.getString(1), r.getInt(2), r.getLong(3), Instant.ofEpochMilli(r.getLong(4))));
            }
            return out;
        }
    }

    /** Deletes an entry; false if there was none. */
    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM picture WHERE id = ?")) {
            p.setString(1, id);
            return p.executeUpdate() > 0;
        }
    }

    /** How many entries and how many bytes of pictures. */
    record Totals(int entries, long bytes) { }

    static Totals totals(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(bytes), 0) FROM picture")) {
            r.next();
            return new Totals(r.getInt(1), r.getLong(2));
        }
    }

    /** Newest first: by the order of the commits (seq), which the clocks of two processes cannot disturb. */
    static List<GalleryEntry> page(Connection c, int offset, int limit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM picture ORDER BY seq DESC LIMIT ? OFFSET ?")) {
            p.setInt(1, limit);
            p.setInt(2, offset);
            List<GalleryEntry> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(entry(r));
            }
            return out;
        }
    }

    static Optional<GalleryEntry> find(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM picture WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
        }
    }

    static Set<String> ids(Connection c) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM picture")) {
            while (r.next()) ids.add(r.getString(1));
        }
        return ids;
    }

    private static GalleryEntry entry(ResultSet r) throws SQLException {
        return new GalleryEntry(r.getString(1), r.getString(2), r.getString(3), Kind.valueOf(r.getString(4)), r.getString(5),
                r.getString(6), Instant.ofEpochMilli(r.getLong(7)), r.getInt(8), r.getInt(9), r.getLong(10), r.getString(11));
    }
}
