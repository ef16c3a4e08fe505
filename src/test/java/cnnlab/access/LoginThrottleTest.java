package cnnlab.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's rules on a fake clock: free failures, doubling lock-outs, what a success clears, forgetting, memory. */
class LoginThrottleTest {
    private static final class FakeClock implements InstantSource {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.PER_ACCOUNT, LoginThrottle.PER_ADDRESS, 1000, clock);

    /** One wrong password: the wait it met (zero if it was checked, and then failed). */
    private Duration fail(String account, String address) {
        Duration wait = throttle.attempt(account, address);
        if (wait.isZero()) throttle.failed(account, address);
        return wait;
    }

    /** One wrong password, tried as soon as allowed: the seconds it had to wait first. */
    private long guess(String account, String address) {
        Duration wait = throttle.attempt(account, address);
        if (!wait.isZero()) {
            clock.advance(wait);
            assertEquals(Duration.ZERO, throttle.attempt(account, address), "free once the wait is over");
        }
        throttle.failed(account, address);
        return wait.toSeconds();
    }

    @Test
    void anAccountHasFiveFreeFailuresThenALockOutThatDoublesUpToThirtySeconds() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) waits.add(guess("ann", "10.0.0." + i));   // each from another address: only the account's rule
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L), waits);
    }

    @Test
    void anAddressHasTenFreeFailuresThenALockOutThatDoublesUpToFifteenMinutes() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 22; i++) waits.add(guess("name-" + i, "10.0.0.9"));   // each on another name: only the address's rule
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L), waits);
    }

    @Test
    void aRefusedAttemptIsNotCountedSoTheWaitDoesNotGrowWhileItRuns() {
        for (int i = 0; i < 5; i++) fail("ben", "10.0.0.1");
        for (int i = 0; i < 100; i++) assertEquals(Duration.ofSeconds(1), throttle.attempt("ben", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, fail("ben", "10.0.0.1"));
        assertEquals(Duration.ofSeconds(2), throttle.attempt("ben", "10.0.0.1"));
    }

    @Test
    void parallelGuessesCountBeforeTheirAnswersAreKnown() {
        for (int i = 0; i < 5; i++) assertEquals(Duration.ZERO, throttle.attempt("ben", "10.0.0." + i), "attempt " + i);
        assertEquals(Duration.ofSeconds(1), throttle.attempt("ben", "10.0.0.9"), "five still being checked are five failures");
    }

    @Test
    void aSuccessClearsItsAccountAndItsOwnFailuresFromTheAddressButNotOthers() {
        for (int i = 0; i < 5; i++) fail("cy", "10.0.0.1");   // cy mistypes her own password...
        for (int i = 0; i < 4; i++) fail("dee", "10.0.0.1");   // ...and someone at her computer tried dee's
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, throttle.attempt("cy", "10.0.0.1"));
        throttle.succeeded("cy", "10.0.0.1");
        for (int i = 0; i < 5; i++) assertEquals(Duration.ZERO, fail("cy", "10.0.0.3"), "cy's account starts afresh");
        for (int i = 0; i < 6; i++) assertEquals(Duration.ZERO, fail("x" + i, "10.0.0.1"), "the address keeps only dee's 4");
        assertEquals(Duration.ofSeconds(1), throttle.attempt("x", "10.0.0.1"), "4 + 6 failures: locked");
    }

    @Test
    void anAttackerCannotKeepAStudentLockedOut() {
        // the attacker guesses at ben's account whenever allowed for two hours; ben logs in every 10 s from his own computer
        int bensTries = 0, bensRefusals = 0;
        for (int second = 0; second < 7200; second++) {
            fail("ben", "10.6.6.6");
            if (second % 10 == 0 && second >= 3600) {
                bensTries++;
                if (throttle.attempt("ben", "10.0.0.2").isZero()) throttle.succeeded("ben", "10.0.0.2");
                else bensRefusals++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(bensRefusals * 20 <= bensTries, "ben was refused " + bensRefusals + " of " + bensTries + " times in the second hour");
    }

    @Test
    void quietRecordsAreForgottenAndTheirMemoryGivenBack() {
        for (int i = 0; i < 20; i++) fail("eve", "10.0.0.1");
        assertEquals(2, throttle.records());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(Duration.ZERO, throttle.attempt("fay", "10.0.0.2"), "anyone's attempt tidies the oldest quiet records");
        assertEquals(2, throttle.records(), "only fay's two remain");
        assertEquals(Duration.ZERO, throttle.attempt("eve", "10.0.0.1"), "eve and her address start afresh");
    }

    @Test
    void memoryIsBoundedHoweverManyNamesAndAddressesAreTried() {
        LoginThrottle small = new LoginThrottle(LoginThrottle.PER_ACCOUNT, LoginThrottle.PER_ADDRESS, 100, clock);
        for (int i = 0; i < 5000; i++) small.attempt("name-" + i + "x".repeat(1000), "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        assertTrue(small.records() <= 200, small.records() + " records");
        assertEquals(64, LoginThrottle.accountKey("y".repeat(10_000)).length());
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertEquals(LoginThrottle.addressKey("2001:db8:1:2::1"), LoginThrottle.addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertTrue(!LoginThrottle.addressKey("2001:db8:1:2::1").equals(LoginThrottle.addressKey("2001:db8:1:3::1")));
        assertEquals("10.0.0.1", LoginThrottle.addressKey("::ffff:10.0.0.1"));
        assertEquals("not:an-address", LoginThrottle.addressKey("not:an-address"), "never a name lookup");
    }
}
