package cnnlab.gallery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gallery's quota (issue 19, finding 9): one student or script cannot fill the shared gallery; the limits are
 * counted in the database, so they hold across instances, and they roll with the hour.
 */
class SaveQuotaTest {
    private static final GalleryService.Limits TWENTY = new GalleryService.Limits(20, 1L << 30, 4 << 20, 4096);

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));

    private GalleryService open(SaveQuota quota) {
        return GalleryService.open(dir, TWENTY, quota, clock);
    }

    /** Saves {@code attempts} pictures as {@code by}; the number acknowledged, and the last refusal's message. */
    private record Attack(int saved, String refusal) { }

    private static Attack attack(GalleryService g, Saver by, int attempts) {
        int saved = 0;
        String refusal = "";
        for (int i = 0; i < attempts; i++) {
            try {
                g.save(TestPictures.submission("attack " + i, i), by);
                saved++;
            } catch (QuotaReached e) {
                refusal = e.getMessage();
            }
        }
        return new Attack(saved, refusal);
    }

    @Test
    void oneSessionSavingThirtyPicturesGetsItsHourlyShareAndTheGalleryStaysOpen() throws Exception {
        GalleryService g = open(new SaveQuota(5, 50, 100));
        Attack a = attack(g, Saver.session("attacker", "10.0.0.7"), 30);
        assertEquals(5, a.saved());
        assertEquals("You have saved 5 pictures this hour: the lab's limit is 5 an hour for each student. "
                + "You can save again in 60 minutes.", a.refusal());
        assertEquals(5, g.count(), "the gallery's cap of 20 is far off");
        try (var files = Files.list(dir.resolve(GalleryService.PICTURES))) {
            assertEquals(5, files.count(), "nothing written for a refused save");
        }
        g.save(TestPictures.submission("another student's dream", 99), Saver.session("student", "10.0.0.8"));
        assertEquals(6, g.count());
    }

    @Test
    void theHourRollsOnSaveBySave() {
        GalleryService g = open(new SaveQuota(3, 50, 100));
        Saver ann = Saver.session("ann", "10.0.0.7");
        for (int i = 0; i < 3; i++) {
            g.save(TestPictures.submission("minute " + 20 * i, i), ann);
            clock.advance(Duration.ofMinutes(20));
        }
        clock.advance(Duration.ofMinutes(-5));   // 55 minutes after the first save
        QuotaReached early = assertThrows(QuotaReached.class, () -> g.save(TestPictures.submission("too early", 4), ann));
        assertTrue(early.getMessage().endsWith("You can save again in 5 minutes."), early.getMessage());
        clock.advance(Duration.ofMinutes(5));   // the first save is an hour old: one place free
        g.save(TestPictures.submission("an hour later", 5), ann);
        QuotaReached again = assertThrows(QuotaReached.class, () -> g.save(TestPictures.submission("one more", 6), ann));
        assertTrue(again.getMessage().endsWith("You can save again in 20 minutes."), again.getMessage());
        assertEquals(4, g.count());
    }

    @Test
    void aScriptOpeningANewSessionPerPictureMeetsTheAddressLimit() {
        GalleryService g = open(new SaveQuota(5, 50, 8));
        int saved = 0;
        String refusal = "";
        for (int session = 0; session < 30 && refusal.isEmpty(); session++) {
            try {
                g.save(TestPictures.submission("session " + session, session), Saver.session("script " + session, "10.0.0.7"));
                saved++;
            } catch (QuotaReached e) {
                refusal = e.getMessage();
            }
        }
        assertEquals(8, saved);
        assertEquals("8 pictures were saved from your computer's network address this hour: the lab's limit is 8 an hour "
                + "for each address. You can save again in 60 minutes.", refusal);
        g.save(TestPictures.submission("from the next machine", 40), Saver.session("neighbour", "10.0.0.8"));
        g.save(TestPictures.submission("from the server machine", 41), Saver.session("admin", null));
        assertEquals(10, g.count());
    }

    @Test
    void aUserIsCountedAcrossSessionsAddressesAndInstances() {
        GalleryService first = open(new SaveQuota(4, 50, 1)), second = GalleryService.open(dir, TWENTY, new SaveQuota(4, 50, 1), clock);
        int saved = 0;
        for (int i = 0; i < 12; i++) {
            try {
                (i % 2 == 0 ? first : second).save(TestPictures.submission("ann " + i, i), Saver.user("ann"));
                saved++;
            } catch (QuotaReached e) {
                assertTrue(e.getMessage().startsWith("You have saved 4 pictures this hour"), e.getMessage());
            }
        }
        assertEquals(4, saved, "two instances, one count: the database's");
        second.save(TestPictures.submission("ben", 20), Saver.user("ben"));
        assertEquals(5, first.count());
    }

    @Test
    void aStudentKeepsAtMostTheirShareAndAnAdminsRemovalMakesRoom() {
        GalleryService g = open(new SaveQuota(100, 3, 100));
        Saver ann = Saver.user("ann");
        GalleryEntry firstOfAnn = g.save(TestPictures.submission("one", 1), ann);
        g.save(TestPictures.submission("two", 2), ann);
        g.save(TestPictures.submission("three", 3), ann);
        clock.advance(Duration.ofDays(30));   // the total is not a rate: time does not free it
        QuotaReached full = assertThrows(QuotaReached.class, () -> g.save(TestPictures.submission("four", 4), ann));
        assertEquals("You have 3 pictures in the lab gallery: the lab's limit is 3 for each student. "
                + "Ask your teacher to remove some to make room.", full.getMessage());
        assertTrue(g.remove(firstOfAnn.id()));
        g.save(TestPictures.submission("four", 4), ann);
        assertEquals(3, g.picturesBy(ann.key()));
    }

    @Test
    void removingPicturesDoesNotResetTheHourlyLimit() {
        GalleryService g = open(new SaveQuota(3, 50, 100));
        Saver ann = Saver.session("ann", null);
        assertEquals(3, attack(g, ann, 3).saved());
        assertEquals(3, g.removeAllBy(ann.key()));
        assertThrows(QuotaReached.class, () -> g.save(TestPictures.submission("right after", 9), ann));
    }

    @Test
    void addressesAreKeptHashedAndOnlyForTheHourTheyCount() throws Exception {
        GalleryService g = open(new SaveQuota(5, 50, 100));
        g.save(TestPictures.submission("one", 1), Saver.session("ann", "10.0.0.7"));
        g.save(TestPictures.submission("two", 2), Saver.session("ben", "10.0.0.8"));
        for (String file : List.of(GalleryService.DATABASE, GalleryService.DATABASE + "-wal"))   // the log exists while a connection is open
            if (Files.exists(dir.resolve(file)))
                assertFalse(Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1).contains("10.0.0."), "an address in clear in " + file);
        assertEquals(2, recentSaves());
        clock.advance(Duration.ofMinutes(61));
        g.save(TestPictures.submission("three", 3), Saver.session("cleo", "10.0.0.9"));
        assertEquals(1, recentSaves(), "the first two saves, an hour old, are forgotten");
        clock.advance(Duration.ofMinutes(61));
        GalleryService.open(dir, TWENTY, SaveQuota.DEFAULT, clock);
        assertEquals(0, recentSaves(), "and at the next start");
    }

    private int recentSaves() throws Exception {
        try (Connection c = new GalleryDatabase(dir.resolve(GalleryService.DATABASE)).connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM recent_save")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void theLimitsComeFromTheEnvironment() {
        assertEquals(SaveQuota.DEFAULT, SaveQuota.from(Map.of()));
        assertEquals(new SaveQuota(10, 50, 30), SaveQuota.DEFAULT);
        assertEquals(new SaveQuota(4, 20, 200), SaveQuota.from(Map.of("CNNLAB_GALLERY_PER_HOUR", "4",
                "CNNLAB_GALLERY_PER_STUDENT", " 20 ", "CNNLAB_GALLERY_PER_ADDRESS_HOUR", "200")));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> SaveQuota.from(Map.of("CNNLAB_GALLERY_PER_HOUR", "0")));
        assertEquals("CNNLAB_GALLERY_PER_HOUR must be at least 1: 0", zero.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> SaveQuota.from(Map.of("CNNLAB_GALLERY_PER_STUDENT", "many")));
        assertEquals("CNNLAB_GALLERY_PER_STUDENT is not a whole number: many", word.getMessage());
    }

    @Test
    void saversAreNamedAsTheAdminPageNamesThem() {
        assertEquals("user ann", Saver.describe(Saver.user("ann").key()));
        Saver s = Saver.session("node0abc", "10.0.0.7");
        assertTrue(Saver.describe(s.key()).matches("session [0-9a-f]{6}"), Saver.describe(s.key()));
        assertEquals(Saver.session("node0abc", "10.0.0.7"), s, "the same session and address: the same saver");
        assertFalse(s.key().contains("node0abc") || s.address().contains("10.0.0.7"), "a session id is a credential");
        assertEquals("", Saver.session("x", " ").address());
    }
}
