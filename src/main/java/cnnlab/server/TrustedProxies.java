package cnnlab.server;

import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose word on the client's address is taken (CNNLAB_BEHIND_PROXY): none by default; "true"
 * for a proxy on this machine (loopback, as docker/two-instances.sh runs nginx); else a comma-separated list of
 * addresses or CIDR blocks ("172.28.0.10", "10.0.0.0/8"). Literals only: a host name would need a DNS lookup for
 * every trust decision, and a DNS answer is not proof of who is connecting.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final Pattern LITERAL = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?");

    private final List<String> patterns;
    private final InetAddressSet set = new InetAddressSet();

    private TrustedProxies(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        set.addAll(patterns);
    }

    /** Reads CNNLAB_BEHIND_PROXY's value; throws IllegalArgumentException naming a bad entry. */
    public static TrustedProxies parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("false")) return NONE;
        if (v.equalsIgnoreCase("true")) return new TrustedProxies(List.of("127.0.0.0/8", "::1"));
        List<String> patterns = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            if (!LITERAL.matcher(p).matches()) {
                throw new IllegalArgumentException("CNNLAB_BEHIND_PROXY: '" + p + "' is not an IP address or CIDR block (true, false, or e.g. 172.28.0.10,10.0.0.0/8)");
            }
            patterns.add(p);
        }
        try {
            return patterns.isEmpty() ? NONE : new TrustedProxies(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CNNLAB_BEHIND_PROXY: " + e.getMessage());
        }
    }

    public boolean any() {
        return !patterns.isEmpty();
    }

    /** Whether a connection from {@code peer} comes from a trusted proxy. */
    public boolean trusts(SocketAddress peer) {
        return any() && peer instanceof InetSocketAddress a && a.getAddress() != null && trusts(a.getAddress());
    }

    public boolean trusts(InetAddress address) {
        return set.test(address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies t && t.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "none" : String.join(",", patterns);
    }
}
