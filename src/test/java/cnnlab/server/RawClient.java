package cnnlab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that writes HTTP by hand, from a chosen loopback address (Linux answers on all of 127.0.0.0/8, so
 * 127.0.0.2 is "another machine" to the server): for what a well-behaved client never sends, slowly or broken.
 */
final class RawClient implements AutoCloseable {
    final Socket socket;

    RawClient(String from, int port) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    }

    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Everything the server sends until it closes, or until {@code millis} pass in silence. */
    String answer(int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) all.write(buf, 0, n);
        } catch (SocketTimeoutException e) {
            // silence: what came so far
        } catch (IOException e) {
            // reset by the server: what came so far
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the server closed this connection within {@code millis} (read end of stream or a reset). */
    boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // an answer (a 408, say) comes before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** One request, its answer read until the server closes (Connection: close). */
    static String exchange(int port, String request) throws IOException {
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            c.send(request);
            return c.answer(20_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
