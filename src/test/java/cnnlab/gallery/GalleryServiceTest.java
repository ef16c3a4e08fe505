package cnnlab.gallery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gallery's store: round trip, order, validation, bounds, the sweep, and saves from many threads. */
class GalleryServiceTest {
    @TempDir
    Path dir;

    private static List<String> titles(List<GalleryEntry> entries) {
        return entries.stream().map(GalleryEntry::title).toList();
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSavedPictureComesBackWithItsEntryAfterReopening() throws IOException {
        GalleryService g = GalleryService.open(dir);
        byte[] png = TestPictures.png(1);
        Instant before = Instant.now().minusSeconds(1);
        GalleryEntry saved = g.save(new Submission("Cats in conv2", "Ana", Kind.FEATURES, "12 pictures of conv2 filters",
                "features?target=conv2&units=0-11", png), TestPictures.anyone());
        assertTrue(PictureFiles.isId(saved.id()), saved.id());
        assertEquals(png.length, saved.bytes());
        assertEquals(TestPictures.decode(png).getWidth(), saved.width());
        assertEquals(TestPictures.decode(png).getHeight(), saved.height());
        assertTrue(!saved.created().isBefore(before));

        GalleryService reopened = GalleryService.open(dir);
        assertEquals(new GalleryService.Sweep(0, 0, 0), reopened.sweep());
        assertEquals(List.of(saved), reopened.list(0, 10));
        assertEquals(saved, reopened.entry(saved.id()).orElseThrow());
        assertArrayEquals(png, reopened.image(saved.id()).orElseThrow());
        assertEquals(List.of(saved.id() + ".png"), filesIn(dir.resolve(GalleryService.PICTURES)));
    }

    @Test
    void newestFirstInPages() {
        GalleryService g = GalleryService.open(dir);
        for (int i = 1; i <= 5; i++) g.save(TestPictures.submission("picture " + i, i), TestPictures.anyone());
        assertEquals(5, g.count());
        assertEquals(List.of("picture 5", "picture 4"), titles(g.list(0, 2)));
        assertEquals(List.of("picture 3", "picture 2"), titles(g.list(2, 2)));
        assertEquals(List.of("picture 1"), titles(g.list(4, 2)));
        assertEquals(List.of(), g.list(5, 2));
    }

    @Test
    void titlesAreCleanedAndBounded() {
        GalleryService g = GalleryService.open(dir);
        GalleryEntry e = g.save(new Submission("  Dream\u0000 of\t\ncats\u202E  \u2066x\u2069 ", " \u0007Bo ", Kind.DREAM, "", null, TestPictures.png(2)), TestPictures.anyone());
        assertEquals("Dream of cats x", e.title());
        assertEquals("Bo", e.author());
        assertEquals("dream", e.link(), "no link: the page itself");
        String eighty = "🐱".repeat(Submission.MAX_TITLE);   // 80 characters as a reader counts them, 160 Java chars
        assertEquals(eighty, g.save(TestPictures.submission(eighty, 3), TestPictures.anyone()).title());
        assertEquals("<b>bold</b> & 'quoted'", g.save(TestPictures.submission("<b>bold</b> & 'quoted'", 4), TestPictures.anyone()).title(),
                "markup is kept as text (the page shows it as text)");

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> TestPictures.submission(" \u0000\n\t\u202E ", 5));
        assertEquals("Give the picture a title", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestPictures.submission(null, 5));
        IllegalArgumentException long_ = assertThrows(IllegalArgumentException.class, () -> TestPictures.submission("x".repeat(81), 5));
        assertTrue(long_.getMessage().contains("80"), long_.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Submission("t", "n".repeat(41), Kind.DREAM, "", "dream", TestPictures.png(5)));
        String longDetails = new Submission("t", "", Kind.DREAM, "d".repeat(500), "dream", TestPictures.png(5)).details();
        assertEquals(Submission.MAX_DETAILS, longDetails.length());
        assertEquals(3, g.count(), "refused submissions stored nothing");
    }

    @Test
    void linksLeadOnlyBackToTheirOwnPage() {
        byte[] png = TestPictures.png(6);
        assertEquals("features?target=conv2&units=0-11&l1=0.05",
                new Submission("t", "", Kind.FEATURES, "", "features?target=conv2&units=0-11&l1=0.05", png).link());
        for (String bad : List.of("javascript:alert(1)", "https://evil.example/", "dream", "features/../x", "features?a=<b>", "//evil"))
            assertThrows(IllegalArgumentException.class, () -> new Submission("t", "", Kind.FEATURES, "", bad, png), bad);
    }

    @Test
    void onlyPngsWithinTheBoundsAreAccepted() throws IOException {
        GalleryService g = GalleryService.open(dir, new GalleryService.Limits(100, 1 << 30, 4 << 20, 100), SaveQuota.DEFAULT);
        for (byte[] notPng : List.of(new byte[0], "GIF89a not a png at all, really not one".getBytes(),
                java.util.Arrays.copyOf(TestPictures.png(7), 40))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.save(new Submission("t", "", Kind.STYLE, "", "style", notPng), TestPictures.anyone()));
            assertTrue(e.getMessage().contains("PNG"), e.getMessage());
        }
        byte[] big = TestPictures.png(8);   // noise does not compress: ~3 bytes a pixel
        long seed = 8;
        while (TestPictures.decode(big).getWidth() <= 100 && TestPictures.decode(big).getHeight() <= 100) big = TestPictures.png(++seed);
        byte[] tooWide = big;
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> g.save(new Submission("t", "", Kind.STYLE, "", "style", tooWide), TestPictures.anyone()));
        assertTrue(wide.getMessage().contains("pixels"), wide.getMessage());
        GalleryService small = GalleryService.open(dir.resolve("small"), new GalleryService.Limits(100, 1 << 30, 10 << 10, 4096), SaveQuota.DEFAULT);
        long heavySeed = 9;
        while (TestPictures.png(heavySeed).length <= 10 << 10) heavySeed++;
        Submission heavyPicture = TestPictures.submission("t", heavySeed);
        IllegalArgumentException heavy = assertThrows(IllegalArgumentException.class, () -> small.save(heavyPicture, TestPictures.anyone()));
        assertEquals("The picture is larger than 10 KB", heavy.getMessage());
        assertEquals(List.of(), filesIn(dir.resolve(GalleryService.PICTURES)), "nothing was written for a refused picture");
    }

    @Test
    void aFullGalleryRefusesNewPicturesAndKeepsTheOldOnes() throws IOException {
        GalleryService byCount = GalleryService.open(dir.resolve("count"), new GalleryService.Limits(2, 1L << 30, 4 << 20, 4096), SaveQuota.DEFAULT);
        byCount.save(TestPictures.submission("one", 1), TestPictures.anyone());
        byCount.save(TestPictures.submission("two", 2), TestPictures.anyone());
        GalleryFull full = assertThrows(GalleryFull.class, () -> byCount.save(TestPictures.submission("three", 3), TestPictures.anyone()));
        assertTrue(full.getMessage().startsWith("The lab gallery is full (2 pictures)"), full.getMessage());
        assertEquals(List.of("two", "one"), titles(byCount.list(0, 10)));
        assertEquals(2, filesIn(dir.resolve("count").resolve(GalleryService.PICTURES)).size());

        long first = TestPictures.png(1).length;
        GalleryService byBytes = GalleryService.open(dir.resolve("bytes"), new GalleryService.Limits(100, first + 10, 4 << 20, 4096), SaveQuota.DEFAULT);
        byBytes.save(TestPictures.submission("one", 1), TestPictures.anyone());
        assertThrows(GalleryFull.class, () -> byBytes.save(TestPictures.submission("two", 2), TestPictures.anyone()));
        assertEquals(1, byBytes.count());
    }

    @Test
    void openingSweepsWhatKilledSavesLeftAndNothingElse() throws Exception {
        GalleryService g = GalleryService.open(dir);
        GalleryEntry kept = g.save(TestPictures.submission("kept", 1), TestPictures.anyone());
        GalleryEntry lost = g.save(TestPictures.submission("file deleted by hand", 2), TestPictures.anyone());
        Path pictures = dir.resolve(GalleryService.PICTURES);
        String orphan = "0123456789abcdef0123456789abcdef", temporary = "fedcba9876543210fedcba9876543210";
        Files.write(pictures.resolve(orphan + ".png"), TestPictures.png(3));   // renamed, but killed before the commit
        Files.write(pictures.resolve(temporary + ".tmp"), new byte[]{1, 2, 3});   // killed while writing
        Files.writeString(pictures.resolve("README.txt"), "not the gallery's");
        Files.delete(pictures.resolve(lost.id() + ".png"));

        GalleryService reopened = GalleryService.open(dir);
        assertEquals(new GalleryService.Sweep(1, 1, 1), reopened.sweep());
        assertEquals(Set.of("README.txt", kept.id() + ".png"), Set.copyOf(filesIn(pictures)));
        assertArrayEquals(TestPictures.png(1), reopened.image(kept.id()).orElseThrow());
        assertTrue(reopened.image(lost.id()).isEmpty(), "an entry whose file is gone has no picture");
        assertEquals(2, reopened.count(), "entries are never dropped by the sweep");
        assertTrue(reopened.image(orphan).isEmpty());
    }

    @Test
    void removingTakesTheEntryAndItsPictureAndFreesRoom() throws IOException {
        GalleryService g = GalleryService.open(dir, new GalleryService.Limits(2, 1L << 30, 4 << 20, 4096), SaveQuota.DEFAULT);
        GalleryEntry one = g.save(TestPictures.submission("one", 1), TestPictures.anyone());
        g.save(TestPictures.submission("two", 2), TestPictures.anyone());
        assertThrows(GalleryFull.class, () -> g.save(TestPictures.submission("three", 3), TestPictures.anyone()));
        assertTrue(g.remove(one.id()));
        assertFalse(g.remove(one.id()), "already gone");
        assertFalse(g.remove("../gallery.db"));
        assertTrue(g.entry(one.id()).isEmpty());
        assertTrue(g.image(one.id()).isEmpty());
        assertFalse(filesIn(dir.resolve(GalleryService.PICTURES)).contains(one.id() + ".png"));
        g.save(TestPictures.submission("three", 3), TestPictures.anyone());   // room again
        assertEquals(List.of("three", "two"), titles(g.list(0, 10)));
        assertEquals(new GalleryService.Sweep(0, 0, 0), GalleryService.open(dir).sweep(), "nothing left behind");
    }

    @Test
    void removingAllByOneStudentTakesExactlyTheirPicturesAndFiles() throws IOException {
        GalleryService g = GalleryService.open(dir);
        Saver flooder = Saver.session("flooder", "10.0.0.7"), other = Saver.session("other", "10.0.0.7");
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) theirs.add(g.save(TestPictures.submission("flood " + i, i), flooder).id());
        GalleryEntry kept1 = g.save(TestPictures.submission("kept", 10), other);
        GalleryEntry kept2 = g.save(TestPictures.submission("also kept", 11), Saver.user("ann"));
        assertEquals(List.of(flooder.key(), Saver.user("ann").key(), other.key()),
                g.topSavers(10).stream().map(GalleryService.SaverTotal::saver).toList(), "most pictures first, then the latest");
        assertEquals(3, g.topSavers(10).get(0).pictures());

        assertEquals(3, g.removeAllBy(flooder.key()));
        assertEquals(List.of(kept2, kept1), g.list(0, 10));
        assertEquals(Set.of(kept1.id() + ".png", kept2.id() + ".png"), Set.copyOf(filesIn(dir.resolve(GalleryService.PICTURES))));
        for (String id : theirs) assertTrue(g.entry(id).isEmpty() && g.image(id).isEmpty(), id);
        assertEquals(0, g.removeAllBy(flooder.key()), "already gone");
        assertEquals(0, g.removeAllBy(""), "pictures of unknown savers are not one student's");
        assertEquals(2, g.topSavers(10).size());
        assertEquals(new GalleryService.Sweep(0, 0, 0), GalleryService.open(dir).sweep(), "nothing left behind");
    }

    @Test
    void aVersionOneGalleryIsUpgradedAndKeepsItsPictures() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve(GalleryService.PICTURES));
        String id = "0123456789abcdef0123456789abcdef";
        Files.write(pictures.resolve(id + ".png"), TestPictures.png(1));
        try (Connection c = new GalleryDatabase(dir.resolve(GalleryService.DATABASE)).connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE picture (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                      author TEXT NOT NULL, kind TEXT NOT NULL, details TEXT NOT NULL, link TEXT NOT NULL, created_ms INTEGER NOT NULL,
                      width INTEGER NOT NULL, height INTEGER NOT NULL, bytes INTEGER NOT NULL)""");
            s.execute("INSERT INTO picture (id, title, author, kind, details, link, created_ms, width, height, bytes) "
                    + "VALUES ('" + id + "', 'from before', 'Bo', 'DREAM', '', 'dream', 1000, 1, 1, 1)");
            s.execute("PRAGMA user_version = 1");
        }
        GalleryService g = GalleryService.open(dir);
        assertEquals(new GalleryService.Sweep(0, 0, 0), g.sweep());
        GalleryEntry old = g.entry(id).orElseThrow();
        assertEquals("from before", old.title());
        assertEquals("", old.saver(), "saved before savers were noted");
        assertEquals(List.of(), g.topSavers(10));
        g.save(TestPictures.submission("after", 2), Saver.user("ann"));
        assertEquals(2, g.count());
        assertEquals("ok", integrity(dir));
    }

    @Test
    void idsThatAreNotOursReachNoFile() throws IOException {
        GalleryService g = GalleryService.open(dir);
        g.save(TestPictures.submission("x", 1), TestPictures.anyone());
        for (String id : Arrays.asList(null, "", "../gallery.db", "..%2Fgallery", "0123456789ABCDEF0123456789ABCDEF",
                "0123456789abcdef0123456789abcdef/../../x", "0123456789abcdef0123456789abcde"))
            assertTrue(g.image(id).isEmpty(), String.valueOf(id));
    }

    @Test
    void manyThreadsAndTwoOpenGalleriesSaveAtOnceWithoutLosingAny() throws Exception {
        GalleryService a = GalleryService.open(dir), b = GalleryService.open(dir);   // two handles, as two app instances would have
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<GalleryEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            int n = i;
            futures.add(pool.submit(() -> (n % 2 == 0 ? a : b).save(TestPictures.submission("t" + n, 1000 + n), TestPictures.anyone())));
        }
        List<GalleryEntry> saved = new ArrayList<>();
        for (Future<GalleryEntry> f : futures) saved.add(f.get());
        pool.shutdown();
        Set<String> ids = new HashSet<>();
        for (GalleryEntry e : saved) ids.add(e.id());
        assertEquals(160, ids.size(), "ids are unique");
        List<GalleryEntry> listed = a.list(0, 1000);
        assertEquals(160, listed.size());
        assertEquals(ids, new HashSet<>(listed.stream().map(GalleryEntry::id).toList()));
        for (GalleryEntry e : saved) {
            long seed = Long.parseLong(e.details().substring("seed ".length()));
            assertArrayEquals(TestPictures.png(seed), b.image(e.id()).orElseThrow(), e.title());
        }
        assertEquals(new GalleryService.Sweep(0, 0, 0), GalleryService.open(dir).sweep());
        assertEquals("ok", integrity(dir));
    }

    @Test
    void theDatabaseIsInWalModeWithAVersionedSchema() throws Exception {
        GalleryService.open(dir).save(TestPictures.submission("x", 1), TestPictures.anyone());
        try (Connection c = new GalleryDatabase(dir.resolve(GalleryService.DATABASE)).connect(); Statement s = c.createStatement()) {
            assertEquals("wal", single(s, "PRAGMA journal_mode"));
            assertEquals("2", single(s, "PRAGMA synchronous"), "FULL");
            assertEquals(String.valueOf(GalleryDatabase.SCHEMA_VERSION), single(s, "PRAGMA user_version"));
            s.execute("PRAGMA user_version = 99");
        }
        GalleryUnavailable newer = assertThrows(GalleryUnavailable.class, () -> GalleryService.open(dir));
        assertTrue(newer.getMessage().contains("newer"), newer.getMessage());
    }

    @Test
    void aFolderThatCannotBeUsedIsSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        GalleryUnavailable e = assertThrows(GalleryUnavailable.class, () -> GalleryService.open(file));
        assertTrue(e.getMessage().contains("a-file"), e.getMessage());
    }

    static String integrity(Path folder) throws Exception {
        try (Connection c = new GalleryDatabase(folder.resolve(GalleryService.DATABASE)).connect(); Statement s = c.createStatement()) {
            return single(s, "PRAGMA integrity_check");
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next());
            String v = r.getString(1);
            assertNotNull(v);
            assertFalse(r.next());
            return v;
        }
    }

    @Test
    void aPageSavesAndRemovesThroughTheJobPoolNeverOnItsOwnThread() {
        GalleryService g = GalleryService.open(dir);
        cnnlab.jobs.JobRunner jobs = new cnnlab.jobs.JobRunner(1, 4);
        try {
            Thread page = Thread.currentThread();
            java.util.concurrent.atomic.AtomicReference<Thread> madeOn = new java.util.concurrent.atomic.AtomicReference<>();
            GalleryEntry a = g.submitSave(jobs, () -> {
                madeOn.set(Thread.currentThread());   // the PNG is made on the pool too
                return new Submission("first", "Ana", Kind.DREAM, "", "dream", TestPictures.png(1));
            }, TestPictures.anyone()).join();
            assertNotNull(madeOn.get());
            assertFalse(page.equals(madeOn.get()), "the submission was made on the job pool");
            g.submitSave(jobs, () -> new Submission("second", "Ana", Kind.DREAM, "", "dream", TestPictures.png(2)), TestPictures.anyone()).join();
            assertEquals(1, g.submitRemove(jobs, a.id()).join(), "one picture left");
            assertEquals(List.of("second"), titles(g.list(0, 10)));
            assertEquals(1, g.submitRemoveAllBy(jobs, g.list(0, 1).get(0).saver()).join());
            assertEquals(0, g.count());
        } finally {
            jobs.close();
        }
    }
}
