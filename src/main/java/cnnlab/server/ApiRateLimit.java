package cnnlab.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client in front of the JSON API, so one script cannot take the shared server from a class:
 * past the burst, calls are refused with 429 and a Retry-After until tokens refill. A client is its browser session
 * when it has a real one (students behind one lab NAT share an address), else its address; a made-up session
 * cookie is not a session, so rotating cookies does not buy more calls. Nor do fresh sessions: every session's
 * calls also come out of one bucket per address worth {@link #SESSIONS_PER_ADDRESS} sessions (a script that opened
 * 25 sessions with GET / once got 25 budgets).
 */
public final class ApiRateLimit implements Filter {
    private static final long IDLE_NANOS = 120_000_000_000L;   // a full bucket unused this long is forgotten
    /** How many sessions' budgets the sessions of one address share: a class's few scripts, not one script's many sessions. */
    static final int SESSIONS_PER_ADDRESS = 5;
    private final double perSecond;
    private final int burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public ApiRateLimit(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    ApiRateLimit(double perSecond, int burst, LongSupplier clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = req.getSession(false);
        double wait = session == null ? take("address " + req.getRemoteAddr())
                : take("session " + session.getId(), "sessions from " + req.getRemoteAddr());
        if (wait <= 0) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(wait));
        resp.setHeader("Retry-After", Long.toString(seconds));
        JsonServlet.write(resp, 429, Map.of("error", String.format(
                "too many requests: at most %s a second from one client (bursts of %d); try again in %d s",
                perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond), burst, seconds)));
    }

    /** Takes one token for {@code client}: 0 when granted, else the seconds until one is there. */
    double take(String client) {
        return take(client, 1);
    }

    /** Takes one token for a session and one from the bucket its address's sessions share; 0 when both are granted. */
    double take(String session, String addressSessions) {
        double wait = take(session, 1);
        return wait > 0 ? wait : take(addressSessions, SESSIONS_PER_ADDRESS);
    }

    /** From a bucket {@code scale} clients' worth. */
    private double take(String bucket, int scale) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % 1024 == 0) forgetIdle(now);
        double capacity = (double) burst * scale, rate = perSecond * scale;
        Bucket b = buckets.computeIfAbsent(bucket, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.at) * 1e-9 * rate);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (1 - b.tokens) / rate;
        }
    }

    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> now - e.getValue().at > IDLE_NANOS);
    }

    int clients() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
