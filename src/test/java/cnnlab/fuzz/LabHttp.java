package cnnlab.fuzz;

import cnnlab.server.RunningLab;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fuzz suite's view of the running lab over real HTTP: a client whose every call has a deadline (a hang fails the
 * try instead of the build), a raw-socket client for what {@link HttpClient} refuses to send (odd methods, unencoded
 * or broken paths), and the checks every answer to bad input must pass.
 */
public final class LabHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any answer seen (a few ms; a speech reading ~100 ms): only a hang or a stuck queue reaches it. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String base;

    private LabHttp() { }

    static synchronized String base() {
        if (base == null) {
            try {
                base = RunningLab.url();
            } catch (Exception e) {
                throw new IllegalStateException("the lab did not start", e);
            }
        }
        return base;
    }

    static int port() {
        return URI.create(base()).getPort();
    }

    /** A POST: its status, content type and body text. */
    public record Answer(int status, String contentType, String body) { }

    public static Answer post(String path, String contentType, byte[] body) {
        if (body.length > 64 * 1024) {
            // past 64 KB ask first, as careful clients do ("Expect: 100-continue"): a refused body is then never sent and
            // the 413 always arrives (JDK 17's HttpClient hangs on a final answer to that header, so a raw socket asks)
            Raw r = raw("POST", "/" + path, body, contentType, null);
            return new Answer(r.status(), r.header("content-type").toLowerCase(Locale.ROOT), new String(r.body(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(DEADLINE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = send(CLIENT, b.build());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT), r.body());
    }

    static HttpResponse<String> get(String path) {
        return send(CLIENT, HttpRequest.newBuilder(URI.create(base() + path)).timeout(DEADLINE).GET().build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            return fail(request.method() + " " + request.uri() + " got no answer within " + DEADLINE.toSeconds() + " s (a hang)");
        } catch (IOException e) {
            // the server may close a connection whose body it refused to read (413): that is an answer, not a crash
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP/1.1 answer read off a raw socket: status, headers (lower-case names) and body bytes. */
    record Raw(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * Sends {@code method target} exactly as given (no encoding, no normalisation) with a small optional body, on a
     * fresh connection that the request asks to close, and reads the whole answer within {@link #DEADLINE}.
     */
    static Raw raw(String method, String target, byte[] body, String contentType) {
        return raw(method, target, body, contentType, null);
    }

    /** A GET that carries a session cookie ("JSESSIONID=..."), as a browser's later requests do. */
    static Raw rawWithCookie(String method, String target, String cookie) {
        return raw(method, target, null, null, cookie);
    }

    private static Raw raw(String method, String target, byte[] body, String contentType, String cookie) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port()), 10_000);
            s.setSoTimeout((int) DEADLINE.toMillis());
            StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port()).append("\r\nConnection: close\r\n");
            if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
            if (cookie != null && !cookie.isEmpty()) head.append("Cookie: ").append(cookie).append("\r\n");
            if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
            boolean ask = body != null && body.length > 64 * 1024;
            if (ask) head.append("Expect: 100-continue\r\n");
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            if (ask) {
                byte[] first = readHead(in);
                if (!new String(first, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                    byte[] rest = in.readAllBytes();
                    byte[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
                    System.arraycopy(rest, 0, all, first.length, rest.length);
                    return parse(all);
                }
            }
            if (body != null) out.write(body);
            out.flush();
            return parse(in.readAllBytes());
        } catch (java.net.SocketTimeoutException e) {
            return fail(method + " " + target + " got no answer within " + DEADLINE.toSeconds() + " s (a hang)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + target + " failed", e);
        }
    }

    /** Bytes up to and including the blank line that ends a response head. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c, n = 0;
        while ((c = in.read()) >= 0) {
            b.write(c);
            n = (c == '\r' || c == '\n') ? n + 1 : 0;
            if (n == 4) break;
        }
        return b.toByteArray();
    }

        private static Raw parse(byte[] all) throws IOException {
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) throw new IOException("no complete HTTP head in " + all.length + " bytes");
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        return new Raw(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 0;
        while (p < in.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(in, p, in.length), new byte[]{'\r', '\n'});
            if (eol < 0) break;
            String sizeText = new String(in, p, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            p += eol + 2;
            if (size == 0) break;
            out.write(in, p, Math.min(size, in.length - p));
            p += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * The answer to bad input: a 4xx (never a 5xx, never 200 for what cannot be read) whose JSON body carries a
     * readable "error" and no stack trace. Returns the outcome class for the statistics, e.g. "400 malformed JSON".
     */
    static String assertClearJsonError(int status, String contentType, String body, String what) {
        assertTrue(status >= 400 && status < 500, what + " -> " + status + " " + shorten(body));
        assertTrue(contentType.startsWith("application/json"), what + " -> " + status + " is not JSON: " + contentType + " " + shorten(body));
        JsonNode json = readJson(body, what);
        JsonNode error = json.get("error");
        assertTrue(error != null && error.isTextual() && !error.asText().isBlank(), what + " -> no \"error\" message: " + shorten(body));
        assertNoStackTrace(body, what);
        assertFalse(error.asText().contains("Exception"), what + " -> the error names an exception: " + error.asText());
        return status + " " + messageClass(error.asText());
    }

    /** No stack frames in an answer (Jetty's own 400 page for an unparsable URI names its exception, which is not a trace). */
    static void assertNoStackTrace(String body, String what) {
        assertFalse(body.contains("\tat ") || body.contains("at cnnlab.") || body.contains("at java.") || body.contains("at org."),
                what + " leaks a stack trace: " + shorten(body));
    }

    static JsonNode readJson(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return fail(what + " -> body is not JSON: " + shorten(body));
        }
    }

    /** The message with its variable parts (numbers, quoted values) blanked, so that the statistics group alike errors. */
    static String messageClass(String message) {
        String m = message.replaceAll("\\d+(\\.\\d+)?(E-?\\d+)?", "N").replaceAll("got .*$", "got ...");
        return m.length() > 70 ? m.substring(0, 70) + "…" : m;
    }

    static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
    }

    /** A 28x28 "1" (a centred vertical bar) as the digits API takes it. */
    static String aOne() {
        StringJoiner j = new StringJoiner(",", "{\"pixels\":[", "]}");
        for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) j.add(r >= 4 && r < 24 && c >= 13 && c <= 14 ? "1" : "0");
        return j.toString();
    }

    /**
     * Another student, with a client of their own: the server answers /health and reads their "1" as a 1. Called
     * between fuzz tries and after every property, so that damage from bad input shows up where it matters.
     */
    static void assertNeighbourServed() {
        HttpClient own = NEIGHBOUR;
        try {
            HttpResponse<String> health = own.send(HttpRequest.newBuilder(URI.create(base() + "health")).timeout(DEADLINE).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "GET /health: " + health.body());
            assertEquals("ok", readJson(health.body(), "health").get("status").asText());
            HttpResponse<String> one = own.send(HttpRequest.newBuilder(URI.create(base() + "api/digits/classify")).timeout(DEADLINE)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(aOne())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, one.statusCode(), "a well-formed classify from another client: " + one.body());
            assertEquals(1, readJson(one.body(), "classify").get("label").asInt(), "another client's 1 is still read as 1: " + one.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("another client could not reach the server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient NEIGHBOUR = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
}
