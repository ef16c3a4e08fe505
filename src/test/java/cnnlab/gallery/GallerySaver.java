package cnnlab.gallery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link GalleryCrashTest}: opens the gallery in a folder and saves pictures made from seeds,
 * (each thread cycles through 8 of them), printing {@code ack <id> <seed>} on stdout the moment each save has returned (been acknowledged).
 * Arguments: folder, first seed, saves per thread (0 = until killed), threads.
 */
public final class GallerySaver {
    private static final int PICTURES = 8;

    private GallerySaver() { }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long firstSeed = Long.parseLong(args[1]);
        int saves = Integer.parseInt(args[2]), threads = Integer.parseInt(args[3]);
        GalleryService gallery = GalleryService.open(folder);
        System.out.println("open " + gallery.sweep().temporaries() + " " + gallery.sweep().orphans());
        System.out.flush();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = firstSeed + t * 1_000_000L;
            // pictures made before saving starts, so the process spends its time inside save() where a kill should land
            Submission[] pictures = new Submission[PICTURES];
            for (int i = 0; i < PICTURES; i++) pictures[i] = TestPictures.submission("seed " + (base + i), base + i);
            Thread w = new Thread(() -> {
                for (int n = 0; saves == 0 || n < saves; n++) {
                    long seed = base + n % PICTURES;
                    GalleryEntry e = gallery.save(pictures[n % PICTURES], TestPictures.anyone());
                    synchronized (System.out) {
                        System.out.println("ack " + e.id() + " " + seed);
                        System.out.flush();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) w.join();
    }
}
