package cnnlab.e2e;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A page's upload URL as its browser holds it, posted to from outside the browser with the browser's session cookie,
 * as a student's script could: bodies of any size, framing and pace, over a raw socket (one connection per post).
 */
final class UploadTarget {
    /** How a post frames its body: chunked (no size said), with a Content-Length, or with one and "Expect: 100-continue". */
    enum Framing { CHUNKED, LENGTH, ASK_FIRST }

    /** The answer's status (-1: the connection was cut before one came), its body, and the body bytes sent by then. */
    record Answer(int status, String body, long sentBeforeAnswer) { }

    private static final String BOUNDARY = "cnnlab-upload-boundary";
    /** Only a hang reaches this (a 60 MB refusal is a matter of seconds): it fails the test instead of blocking the build. */
    private static final int DEADLINE_MS = 120_000;
    private final URI uri;
    private final String cookie;

    private UploadTarget(URI uri, String cookie) {
        this.uri = uri;
        this.cookie = cookie;
    }

    /** The upload URL of the element with id {@code elementId} (a vaadin-upload or the audio recorder) on the open page. */
    static UploadTarget of(ChromeDriver d, String elementId) {
        String target = (String) d.executeScript("return new URL(document.getElementById(arguments[0]).getAttribute('target'), document.baseURI).href",
                elementId);
        Cookie session = d.manage().getCookieNamed("JSESSIONID");
        return new UploadTarget(URI.create(target), "JSESSIONID=" + session.getValue());
    }

    /** Posts a file that starts with {@code start} and is padded with zero bytes to {@code size}, and reads the answer. */
    Answer post(String fileName, byte[] start, long size, Framing framing) throws IOException {
        try (Post p = new Post(fileName, start, size, framing)) {
            if (p.early != null) return p.early;
            Thread writer = new Thread(p::sendAll, "upload-writer");
            writer.setDaemon(true);
            writer.start();
            return p.answer();
        }
    }

    /** Starts posting {@code file} (its length announced) and sends its first {@code first} bytes; the rest waits for {@link Post#finish()}. */
    Post hold(String fileName, byte[] file, int first) throws IOException {
        Post p = new Post(fileName, file, file.length, Framing.LENGTH);
        p.send(p.prefix.length + first);
        return p;
    }

    /** One POST on its own connection. */
    final class Post implements AutoCloseable {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final byte[] prefix, suffix, start;
        private final long size, total;
        private final boolean chunked;
        private final AtomicLong sent = new AtomicLong();
        private long written;   // of prefix + file + suffix
        /** The answer to "Expect: 100-continue" when it was not "go on". */
        private Answer early;

        private Post(String fileName, byte[] start, long size, Framing framing) throws IOException {
            this.start = start;
            this.size = size;
            prefix = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            suffix = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            total = prefix.length + size + suffix.length;
            chunked = framing == Framing.CHUNKED;
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(DEADLINE_MS);
            out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost()).append(':').append(uri.getPort()).append("\r\nConnection: close\r\nCookie: ").append(cookie)
                    .append("\r\nContent-Type: multipart/form-data; boundary=").append(BOUNDARY).append("\r\n");
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + total + "\r\n");
            if (framing == Framing.ASK_FIRST) head.append("Expect: 100-continue\r\n");
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (framing == Framing.ASK_FIRST) {
                String first = readHead(socket.getInputStream());
                if (!first.startsWith("HTTP/1.1 100")) early = answer(first, 0);
            }
        }

        /** Sends the body up to byte {@code upTo} of prefix + file + suffix. */
        private void send(long upTo) throws IOException {
            byte[] zeros = new byte[64 * 1024];
            while (written < upTo) {
                long fileAt = written - prefix.length;
                byte[] piece;
                if (written < prefix.length) piece = Arrays.copyOfRange(prefix, (int) written, prefix.length);
                else if (fileAt < start.length) piece = Arrays.copyOfRange(start, (int) fileAt, start.length);
                else if (fileAt < size) piece = Arrays.copyOf(zeros, (int) Math.min(zeros.length, size - fileAt));
                else piece = Arrays.copyOfRange(suffix, (int) (fileAt - size), suffix.length);
                int n = (int) Math.min(piece.length, upTo - written);
                if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(piece, 0, n);
                if (chunked) out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                written += n;
                sent.set(Math.max(0, Math.min(size, written - prefix.length)));
            }
            if (written == total && chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private void sendAll() {
            try {
                send(total);
            } catch (IOException e) {
                // the server stopped reading and closed the connection: what was sent by then is the point
            }
        }

        /** Sends the rest of a held post and reads its answer. */
        Answer finish() throws IOException {
            try {
                sendAll();
                return answer();
            } finally {
                close();
            }
        }

        /** Reads the answer; the body bytes sent when its first byte arrived say how much the server took in first. */
        private Answer answer() throws IOException {
            InputStream in = socket.getInputStream();
            String head;
            long sentThen;
            try {
                int first = in.read();
                sentThen = sent.get();
                if (first < 0) return new Answer(-1, "", sentThen);
                head = (char) first + readHead(in);
            } catch (java.net.SocketException cut) {   // reset by a server that would read no more
                return new Answer(-1, "", sent.get());
            }
            return answer(head, sentThen);
        }

        /** The answer whose head has been read: its body, as far as the connection lets it be read. */
        private Answer answer(String head, long sentThen) throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                in.transferTo(body);
            } catch (java.net.SocketException cut) {
                // the answer's head came; a reset may cut what followed
            }
            byte[] bytes = body.toByteArray();
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) bytes = dechunk(bytes);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), new String(bytes, StandardCharsets.UTF_8), sentThen);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c, n = 0;
        while (n < 4 && (c = in.read()) >= 0) {
            b.write(c);
            n = (c == '\r' || c == '\n') ? n + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] dechunk(byte[] chunked) {
        String text = new String(chunked, StandardCharsets.ISO_8859_1);   // one char per byte: chunk sizes count bytes
        StringBuilder out = new StringBuilder();
        int p = 0;
        while (p < text.length()) {
            int eol = text.indexOf("\r\n", p);
            if (eol < 0) break;
            int n = Integer.parseInt(text.substring(p, eol).split(";")[0].trim(), 16);
            if (n == 0) break;
            out.append(text, eol + 2, Math.min(text.length(), eol + 2 + n));
            p = eol + 2 + n + 2;
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
