package cnnlab.gallery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} during saves: a child JVM saves pictures as fast as it can and reports each acknowledged one; it
 * is killed (SIGKILL: {@link ProcessHandle#destroyForcibly()} on Linux) at a random moment after a random number of
 * acknowledgements, so the kill lands somewhere inside a save. Reopened, the gallery must hold every acknowledged picture, byte for byte and
 * decodable, and nothing half-written. Also: two processes saving into one gallery at once lose nothing.
 */
class GalleryCrashTest {
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    /** Acknowledged id -> seed, read from the child's stdout. */
    private static final class Child {
        final Process process;
        final BufferedReader out;
        final Map<String, Long> acked = new LinkedHashMap<>();
        final Path errors;

        Child(Path folder, long firstSeed, int saves, int threads, Path errors) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            this.errors = errors;
            process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    GallerySaver.class.getName(), folder.toString(), String.valueOf(firstSeed), String.valueOf(saves), String.valueOf(threads))
                    .redirectError(errors.toFile())
                    .start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads lines until {@code n} acknowledgements in all or the end of the output; false at the end. */
        boolean readAcks(int n) throws IOException {
            String line;
            while (acked.size() < n && (line = out.readLine()) != null) {
                String[] p = line.split(" ");
                if (p[0].equals("ack")) acked.put(p[1], Long.parseLong(p[2]));
            }
            return acked.size() >= n;
        }

        String errors() throws IOException {
            return Files.readString(errors);
        }
    }

    @Test
    @Timeout(300)   // a hung child must not hang the build; no assertion depends on time
    void aKilledServerLosesNoAcknowledgedPicture() throws Exception {
        Path gallery = dir.resolve("gallery");
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(20261130);
        int leftovers = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // three threads: while one makes its next picture, another holds the write lock, so most kills hit a save
            Child child = new Child(gallery, round * 10_000_000L, 0, 3, dir.resolve("errors-" + round + ".txt"));
            int killAt = 3 + random.nextInt(25);
            boolean enough = child.readAcks(killAt);
            // the parent wakes within a millisecond of an ack, when the next save has not reached the disk yet: a
            // random pause of up to two saves' time spreads the kills over every step of a save
            Thread.sleep(random.nextInt(80));
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe
            child.process.toHandle().destroyForcibly();
            child.process.waitFor();
            assertTrue(enough, "the child stopped after " + child.acked.size() + " saves: " + child.errors());
            child.readAcks(Integer.MAX_VALUE);   // acknowledgements already in the pipe count too
            acknowledged.putAll(child.acked);

            GalleryService reopened = GalleryService.open(gallery);
            GalleryService.Sweep sweep = reopened.sweep();
            leftovers += sweep.temporaries() + sweep.orphans();
            System.out.printf("round %d: killed after %d acknowledged saves (%d in all); the sweep removed %d temporaries "
                    + "and %d orphan pictures; %d entries%n", round, child.acked.size(), acknowledged.size(), sweep.temporaries(),
                    sweep.orphans(), reopened.count());
            assertEquals(0, sweep.missing(), "no entry without its picture");
            assertEverythingAcknowledgedIsWhole(reopened, acknowledged);
            assertNothingHalfWritten(gallery, reopened);
            assertEquals("ok", GalleryServiceTest.integrity(gallery));
        }
        System.out.println("temporary or orphan files left by the kills and swept: " + leftovers + " in " + ROUNDS + " rounds");
    }

    @Test
    @Timeout(300)
    void twoProcessesSaveIntoOneGalleryAtOnce() throws Exception {
        Path gallery = dir.resolve("shared");
        int saves = 12;
        Child first = new Child(gallery, 0, saves, 2, dir.resolve("errors-a.txt"));
        assertTrue(first.readAcks(5), first.errors());
        // the second opens (and sweeps) while the first is saving: it must not take the first's work for leftovers
        Child second = new Child(gallery, 500_000_000L, saves, 2, dir.resolve("errors-b.txt"));
        first.readAcks(Integer.MAX_VALUE);
        second.readAcks(Integer.MAX_VALUE);
        assertEquals(0, first.process.waitFor(), first.errors());
        assertEquals(0, second.process.waitFor(), second.errors());
        assertEquals(2 * saves, first.acked.size());
        assertEquals(2 * saves, second.acked.size());

        GalleryService g = GalleryService.open(gallery);
        assertEquals(new GalleryService.Sweep(0, 0, 0), g.sweep());
        assertEquals(4 * saves, g.count());
        Map<String, Long> all = new LinkedHashMap<>(first.acked);
        all.putAll(second.acked);
        assertEverythingAcknowledgedIsWhole(g, all);
    }

    private static void assertEverythingAcknowledgedIsWhole(GalleryService g, Map<String, Long> acknowledged) throws IOException {
        for (Map.Entry<String, Long> a : acknowledged.entrySet()) {
            GalleryEntry e = g.entry(a.getKey()).orElse(null);
            assertNotNull(e, "acknowledged picture " + a.getKey() + " is missing");
            assertEquals("seed " + a.getValue(), e.title());
            byte[] png = g.image(a.getKey()).orElseThrow(() -> new AssertionError("no file for " + a.getKey()));
            assertArrayEquals(TestPictures.png(a.getValue()), png, "picture " + a.getKey());
            assertNotNull(TestPictures.decode(png), "decodable " + a.getKey());
        }
    }

    /** After the sweep: no temporary files, and every picture file belongs to an entry (and the other way round). */
    private static void assertNothingHalfWritten(Path gallery, GalleryService g) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(gallery.resolve(GalleryService.PICTURES))) {
            files = s.map(p -> p.getFileName().toString()).toList();
        }
        Set<String> expected = new HashSet<>();
        for (GalleryEntry e : g.list(0, Integer.MAX_VALUE)) expected.add(e.id() + ".png");
        assertEquals(expected, new HashSet<>(files));
        assertEquals(new ArrayList<>(), files.stream().filter(f -> f.endsWith(".tmp")).toList());
    }
}
