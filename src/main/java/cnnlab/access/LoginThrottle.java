package cnnlab.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Failed logins counted per account name and per client address, and how long each must wait before its next try: a
 * few free failures, then a lock-out that doubles with each further failure up to a cap. A success clears its account
 * and takes that account's failures off its address (a student who mistyped their own password starts afresh, but
 * cannot wash away failures on someone else's name with their own login). A record quiet for long enough is forgotten,
 * and at most {@link #MAX_RECORDS} of each kind are kept (least recently used dropped first).
 *
 * <p>Locking out someone else: anyone can fail on a known student's name, so an account's lock-out stays short (30 s at
 * most); the guesser's address is locked far longer (up to 15 min), so one address can keep an account locked for
 * about 30 s in every 15 minutes, while it can try one password per account every 30 s at best and one per address
 * every 15 min once past its free failures. Names that do not exist are counted the same way, so a refusal never
 * tells whether a name is a user. Refused attempts are not counted (the wait cannot grow while it runs) and check no
 * password (no PBKDF2 work).
 */
public final class LoginThrottle {
    /** Up to {@code free} failures cost nothing; then each waits {@code first}, doubling up to {@code cap}. */
    public record Backoff(int free, Duration first, Duration cap, Duration forgetAfter) {
        public Backoff {
            if (forgetAfter.compareTo(cap) < 0) throw new IllegalArgumentException("a record forgotten before its lock-out ends shortens it");
        }

        Duration after(int failures) {
            if (failures < free) return Duration.ZERO;
            long doubled = first.toMillis() << Math.min(failures - free, 40);
            return Duration.ofMillis(Math.min(cap.toMillis(), doubled));
        }
    }

    public static final Backoff PER_ACCOUNT = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15));
    public static final Backoff PER_ADDRESS = new Backoff(10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
    static final int MAX_RECORDS = 10_000;
    /** Of an address's failures, those on this many accounts are remembered by name (enough for any honest user). */
    static final int ACCOUNTS_PER_ADDRESS = 16;
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[\\w.-]+)?]?");

    private final Backoff perAccount, perAddress;
    private final int maxRecords;
    private final InstantSource clock;
    private final Map<String, Failures> accounts, addresses;

    /** One account's or address's failures; an address also notes on which accounts they were. */
    private static final class Failures {
        int count;
        Instant last;
        final Map<String, Integer> byAccount = new HashMap<>();
    }

    public LoginThrottle() {
        this(PER_ACCOUNT, PER_ADDRESS, MAX_RECORDS, InstantSource.system());
    }

    LoginThrottle(Backoff perAccount, Backoff perAddress, int maxRecords, InstantSource clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.maxRecords = maxRecords;
        this.clock = clock;
        this.accounts = lru(maxRecords);
        this.addresses = lru(maxRecords);
    }

    private static Map<String, Failures> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Zero if this login attempt may go ahead: it then counts as a failure until {@link #succeeded} says otherwise (so
     * parallel guesses are throttled too). Otherwise how long the account or address must still wait; nothing counted.
     */
    public synchronized Duration attempt(String account, String address) {
        Instant now = clock.instant();
        String name = accountKey(account), from = addressKey(address);
        Duration wait = max(remaining(accounts, name, perAccount, now), remaining(addresses, from, perAddress, now));
        if (!wait.isZero()) return wait;
        count(accounts, name, now);
        Failures f = count(addresses, from, now);
        if (f.byAccount.containsKey(name) || f.byAccount.size() < ACCOUNTS_PER_ADDRESS) f.byAccount.merge(name, 1, Integer::sum);
        return Duration.ZERO;
    }

    /** The attempt failed: its lock-outs run from now, when the answer goes out, not from when it came in. */
    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        Failures a = accounts.get(accountKey(account)), f = addresses.get(addressKey(address));
        if (a != null) a.last = now;
        if (f != null) f.last = now;
    }

    public synchronized void succeeded(String account, String address) {
        String name = accountKey(account), from = addressKey(address);
        accounts.remove(name);
        Failures f = addresses.get(from);
        if (f == null) return;
        Integer mine = f.byAccount.remove(name);
        f.count -= mine == null ? 0 : mine;
        if (f.count <= 0) addresses.remove(from);
    }

    /** How many accounts and addresses have failures on record. */
    synchronized int records() {
        return accounts.size() + addresses.size();
    }

    private Duration remaining(Map<String, Failures> records, String key, Backoff backoff, Instant now) {
        forgetQuiet(records, backoff, now);
        Failures f = records.get(key);
        if (f == null) return Duration.ZERO;
        if (!f.last.plus(backoff.forgetAfter()).isAfter(now)) {
            records.remove(key);
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last.plus(backoff.after(f.count)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Drops quiet records from the least recently used end, so memory is given back without a sweep of them all. */
    private static void forgetQuiet(Map<String, Failures> records, Backoff backoff, Instant now) {
        Iterator<Failures> oldest = records.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().last.plus(backoff.forgetAfter()).isAfter(now)) return;
            oldest.remove();
        }
    }

    private static Failures count(Map<String, Failures> records, String key, Instant now) {
        Failures f = records.computeIfAbsent(key, k -> new Failures());
        f.count++;
        f.last = now;
        return f;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User names are at most 32 characters: a longer guess is cut, so it cannot fill memory. */
    static String accountKey(String name) {
        if (name == null) return "";
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** An IPv6 client usually owns a whole /64, so that is one address here; IPv4 as is. */
    static String addressKey(String address) {
        if (address == null) return "";
        if (address.indexOf(':') < 0 || !ADDRESS_LITERAL.matcher(address).matches()) return address;
        try {
            String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            byte[] bytes = InetAddress.getByName(literal).getAddress();   // a literal: never a name lookup
            if (bytes.length == 4) return InetAddress.getByAddress(bytes).getHostAddress();
            return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
