package cnnlab.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HouseRulesTest {
    @Test
    void defaultsWhenNothingIsSet() {
        assertEquals(HouseRules.DEFAULT, HouseRules.from(Map.of()));
        assertEquals(Duration.ofMinutes(30), HouseRules.DEFAULT.idleTimeout());
    }

    @Test
    void readsTheEnvironment() {
        HouseRules r = HouseRules.from(Map.of("CNNLAB_IDLE_MINUTES", "5", "CNNLAB_HEARTBEAT_SECONDS", " 20 ",
                "CNNLAB_API_RATE", "4", "CNNLAB_BEHIND_PROXY", "true"));
        assertEquals(Duration.ofMinutes(5), r.idleTimeout());
        assertEquals(Duration.ofSeconds(20), r.heartbeat());
        assertEquals(4, r.apiPerSecond());
        assertEquals(12, r.apiBurst());
        assertTrue(r.proxies().trusts(java.net.InetAddress.getLoopbackAddress()), "true: a proxy on this machine");
        assertEquals(TrustedProxies.NONE, HouseRules.DEFAULT.proxies(), "no proxy is believed unless one is named");
    }

    @Test
    void proxiesAreAddressesOrBlocksNeverNames() throws Exception {
        TrustedProxies p = HouseRules.from(Map.of("CNNLAB_BEHIND_PROXY", "172.28.0.10, 10.0.0.0/8")).proxies();
        assertTrue(p.trusts(java.net.InetAddress.getByName("172.28.0.10")));
        assertTrue(p.trusts(java.net.InetAddress.getByName("10.200.3.4")));
        assertFalse(p.trusts(java.net.InetAddress.getByName("172.28.0.11")));
        assertFalse(p.trusts(java.net.InetAddress.getLoopbackAddress()), "loopback only when named");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("nginx.lab.example"));
        assertTrue(e.getMessage().contains("CNNLAB_BEHIND_PROXY"), e.getMessage());
        assertEquals(TrustedProxies.NONE, TrustedProxies.parse("false"));
    }

    @Test
    void connectionLimitsPerAddressFromTheEnvironment() {
        ConnectionRules c = HouseRules.from(Map.of("CNNLAB_THREADS_PER_ADDRESS", "8", "CNNLAB_CONNECTIONS_PER_ADDRESS", "100")).connections();
        assertEquals(8, c.threadsPerAddress());
        assertEquals(100, c.connectionsPerAddress());
        assertEquals(ConnectionRules.DEFAULT.threads(), c.threads());
        assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_THREADS_PER_ADDRESS", "0")));
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_IDLE_MINUTES", "soon")));
        assertTrue(e.getMessage().contains("CNNLAB_IDLE_MINUTES"));
        assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_API_RATE", "0")));
        assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_HEARTBEAT_SECONDS", "-3")));
    }
}
