package cnnlab.bench.load;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lab server in a JVM of its own, started from this program's own classes ({@code serve --port 0}), as a lab runs
 * it: the simulated students' garbage and threads are not the server's, so its heap, collections and RSS are its own.
 * Its heap is read over JMX (the JDK's attach API starts the server's local management agent).
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("CNN Lab is running: open (http://\\S+/)");
    private final Process process;
    private final Path gallery;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<URI> url = new CompletableFuture<>();
    private final Thread shutdownHook;
    private JMXConnector jmx;

    private ServerProcess(Process process, Path gallery) {
        this.process = process;
        this.gallery = gallery;
        this.shutdownHook = new Thread(process::destroyForcibly, "stop-load-server");
        Runtime.getRuntime().addShutdownHook(shutdownHook);   // a bench stopped with Ctrl-C leaves no server behind
        Thread reader = new Thread(this::readOutput, "load-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a server on the models in {@code models}, with an empty gallery of its own; waits until it answers. */
    public static ServerProcess start(Path models) throws IOException, InterruptedException {
        Path gallery = Files.createTempDirectory("cnnlab-load-gallery");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "cnnlab.Main",
                "serve", "--port", "0", "--host", "127.0.0.1", "--models", models.toAbsolutePath().toString(),
                "--gallery", gallery.toString())
                .redirectErrorStream(true)
                .start();
        ServerProcess server = new ServerProcess(p, gallery);
        try {
            server.url.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            server.close();
            throw new IOException("the server did not start: " + server.output(), e);
        }
        return server;
    }

    public URI url() {
        return url.join();
    }

    /**
     * The server's memory; its heap over JMX, so this needs a JDK (the attach API): on a bare JRE it throws a
     * LinkageError, which the caller may catch (the attach classes are loaded only here, by {@link Jmx}).
     */
    public ServerMemory memory() throws IOException {
        Jmx connected = Jmx.connect(process.pid());
        jmx = connected.connector;
        return new ServerMemory(connected.heap, process.pid());
    }

    /** A JMX connection to a local JVM, opened through the attach API (which starts the JVM's management agent). */
    private record Jmx(JMXConnector connector, MemoryMXBean heap) {
        static Jmx connect(long pid) throws IOException {
            try {
                VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
                String address;
                try {
                    address = vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
                return new Jmx(connector, ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class));
            } catch (com.sun.tools.attach.AttachNotSupportedException e) {
                throw new IOException("cannot attach to the server's JVM: " + e.getMessage(), e);
            }
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) lastLines.removeFirst();
                }
                Matcher m = RUNNING.matcher(line);
                if (m.find()) url.complete(URI.create(m.group(1)));
            }
        } catch (IOException e) {
            // the server has gone; close() or start() reports it
        }
        url.completeExceptionally(new IOException("the server ended"));
    }

    /** The server's process id. */
    long pid() {
        return process.pid();
    }

    /** The server's last lines of output, for an error message. */
    String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the server is stopping anyway
            }
        }
        process.destroy();   // SIGTERM: the server's shutdown hook closes sessions and the gallery
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        try (Stream<Path> files = Files.walk(gallery)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
