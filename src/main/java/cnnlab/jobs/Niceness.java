package cnnlab.jobs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heavy jobs run at a lower CPU priority than the pages' quick work (the Linux "nice" value of their threads). When a
 * class keeps both cores busy with visualisations, a drawing's verdict still gets a core at once: the kernel puts
 * the quick work first, mid-step, where the jobs' own {@linkplain LongJobs.Ticket#stepAside() stepping aside} can
 * only wait between steps. A niced thread loses nothing on an idle machine: it gets whatever time nobody else wants.
 * <p>
 * Java's {@code Thread.setPriority} does nothing on Linux unless the JVM is started with extra flags, so this calls
 * {@code setpriority(2)} through JNA. On Linux the nice value belongs to a thread, and {@code who = 0} names the
 * calling one. Where that is unavailable (not Linux, no native library), the jobs run at normal priority.
 */
public final class Niceness {
    /**
     * The heavy jobs' nice value (0 is normal, 19 the lowest). Against a normal thread that wants the core, a thread
     * at 10 gets about a tenth of it (scheduler weights 110 to 1024).
     */
    public static final int BACKGROUND = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Niceness.class);
    private static final int PRIO_PROCESS = 0;
    private static volatile boolean warned;

    private Niceness() { }

    private interface C extends Library {
        int setpriority(int which, int who, int prio) throws LastErrorException;
    }

    /** Loaded on first use: a server that never runs a heavy job never loads the native library. */
    private static final class Libc {
        static final C INSTANCE = load();

        private static C load() {
            try {
                return Native.load("c", C.class);
            } catch (Throwable e) {   // UnsatisfiedLinkError and friends: no libc to call, run at normal priority
                warnOnce("cannot load libc (" + e + ")");
                return null;
            }
        }
    }

    /**
     * Sets the calling thread's nice value (only lowering works without privileges). True if it now runs at that
     * value.
     */
    public static boolean setForCurrentThread(int nice) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) return false;
        C c = Libc.INSTANCE;
        if (c == null) return false;
        try {
            c.setpriority(PRIO_PROCESS, 0, nice);
            return true;
        } catch (LastErrorException e) {
            warnOnce("setpriority failed, errno " + e.getErrorCode());
            return false;
        }
    }

    /** The calling thread's nice value as the kernel reports it, or empty off Linux. */
    public static OptionalInt ofCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces; nice is field 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(f[19 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Daemon threads named {@code name-1, name-2, ...} that run at {@link #BACKGROUND} priority. */
    public static ThreadFactory background(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                setForCurrentThread(BACKGROUND);
                r.run();
            }, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void warnOnce(String why) {
        if (warned) return;
        warned = true;
        LOG.warn("Heavy jobs run at normal CPU priority: {}", why);
    }
}
