package cnnlab.server;

import java.time.Duration;
import java.util.Map;

/**
 * What one client may hold of the server's HTTP side. A request thread waits while a request body arrives, so a
 * client that sends slowly holds threads: with the defaults before these rules, ~230 connections trickling one byte
 * every 5 s took all 200 threads and /health stopped answering. Now a body slower than {@code minBodyBytesPerSecond}
 * is cut off (408), a silent connection after {@code idleTimeout}, one address runs at most
 * {@code threadsPerAddress} requests at once (the rest wait without a thread) and holds at most
 * {@code connectionsPerAddress} connections. Read from CNNLAB_THREADS_PER_ADDRESS (32) and
 * CNNLAB_CONNECTIONS_PER_ADDRESS (512: a class behind one NAT address keeps a push connection and a few others per
 * student); the thread pool (200), the body rate (1 KB/s: a 10 MB upload may take ten minutes) and the idle timeout
 * (30 s) are fixed.
 */
public record ConnectionRules(int threads, int threadsPerAddress, int connectionsPerAddress, int minBodyBytesPerSecond, Duration idleTimeout) {
    public static final ConnectionRules DEFAULT = new ConnectionRules(200, 32, 512, 1024, Duration.ofSeconds(30));

    public ConnectionRules {
        if (threads < 16) throw new IllegalArgumentException("the server needs at least 16 threads");
        if (threadsPerAddress < 1 || connectionsPerAddress < 1) throw new IllegalArgumentException("limits per address must be at least 1");
        if (minBodyBytesPerSecond < 0 || idleTimeout.toMillis() < 1) throw new IllegalArgumentException("bad body rate or idle timeout");
    }

    static ConnectionRules from(Map<String, String> env) {
        return new ConnectionRules(DEFAULT.threads, count(env, "CNNLAB_THREADS_PER_ADDRESS", DEFAULT.threadsPerAddress),
                count(env, "CNNLAB_CONNECTIONS_PER_ADDRESS", DEFAULT.connectionsPerAddress), DEFAULT.minBodyBytesPerSecond, DEFAULT.idleTimeout);
    }

    private static int count(Map<String, String> env, String name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, HouseRules.number(env, name, fallback));
    }
}
