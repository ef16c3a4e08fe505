package cnnlab.server;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Who an API call is for, while a servlet serves it: the client's address. The job pool's fair shares need an owner
 * on threads that have no browser session, and a script can make new sessions at will, but not new addresses.
 */
public final class ApiClient {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ApiClient() { }

    static <T> T serving(HttpServletRequest req, Callable<T> call) throws Exception {
        return serving(req.getRemoteAddr(), call);
    }

    /** Runs {@code call} as the client at {@code address}. */
    static <T> T serving(String address, Callable<T> call) throws Exception {
        CURRENT.set("address " + address);
        try {
            return call.call();
        } finally {
            CURRENT.remove();
        }
    }

    /** The client of the API call this thread is serving, if it is serving one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
