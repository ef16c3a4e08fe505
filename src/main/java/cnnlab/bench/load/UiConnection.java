package cnnlab.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One browser tab of a Vaadin Flow 24 app, spoken over the wire as Flow's own client does (learnt from Chromium's
 * DevTools log of this app): {@code GET /} for the session cookie, {@code GET /?v-r=init} for the first state tree,
 * the CSRF token and the push id, then one WebSocket to {@code /VAADIN/push} (Atmosphere, every message framed as
 * {@code length|text}) that carries both the client's RPC messages ({@code csrfToken}, {@code rpc}, {@code syncId},
 * {@code clientId}) and the server's replies and pushes ({@code for(;;);[{...}]}).
 * <p>
 * Like Flow's MessageSender, at most one message is unanswered at a time; events raised meanwhile wait and go
 * together in the next message. Not thread-safe: one thread (the student's) sends and {@link #pump}s; the socket's
 * thread only time-stamps and queues what arrives.
 */
public final class UiConnection implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    /** What the student wants to know about each message from the server, after the tree took its changes. */
    interface Observer {
        void onMessage(long receivedNanos, JsonNode message, NodeTree.Applied applied, List<JsonNode> answeredRpcs);
    }

    private record Incoming(long nanos, String text) { }

    private final HttpClient http;
    private final URI base;
    private final Errors errors;
    private final NodeTree tree = new NodeTree();
    private final BlockingQueue<Incoming> inbox = new LinkedBlockingQueue<>();
    private final ArrayNode queued = JSON.createArrayNode();
    private final List<JsonNode> unanswered = new ArrayList<>();
    private Observer observer = (t, m, a, r) -> { };

    private String cookie = "";
    private String csrf;
    private String pushId;
    private int uiId;
    private int clientId;
    private int syncId = -1;
    private long heartbeatNanos;
    private long nextHeartbeat;
    private long pollNanos = -1;
    private long nextPoll;
    private WebSocket socket;
    private volatile boolean closed;
    private volatile boolean handshakeSeen;
    private final CompletableFuture<Void> socketClosed = new CompletableFuture<>();

    private UiConnection(HttpClient http, URI base, Errors errors) {
        this.http = http;
        this.base = base;
        this.errors = errors;
    }

    /** Opens the app at {@code route?query} as a browser tab does, up to the server's answer to the first navigation. */
    static UiConnection open(HttpClient http, URI base, String route, String query, Errors errors, long timeoutNanos) throws Exception {
        UiConnection c = new UiConnection(http, base, errors);
        try {
            c.bootstrap(route, query, timeoutNanos);
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void bootstrap(String route, String query, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        HttpResponse<String> page = http.send(get(base.resolve(route + (query.isEmpty() ? "" : "?" + query))),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) throw new IOException("GET /" + route + " answered " + page.statusCode());
        page.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
        if (cookie.isEmpty()) throw new IOException("no session cookie from GET /" + route);

        String init = "?v-r=init&location=" + enc(route) + "&query=" + enc(query);
        HttpResponse<String> r = http.send(get(base.resolve(init)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("init answered " + r.statusCode());
        JsonNode config = JSON.readTree(r.body()).path("appConfig");
        JsonNode uidl = config.path("uidl");
        csrf = uidl.path("Vaadin-Security-Key").asText(null);
        pushId = uidl.path("Vaadin-Push-ID").asText(null);
        uiId = config.path("v-uiId").asInt();
        heartbeatNanos = TimeUnit.SECONDS.toNanos(Math.max(1, config.path("heartbeatInterval").asInt(300)));
        nextHeartbeat = System.nanoTime() + heartbeatNanos;
        if (csrf == null || pushId == null) throw new IOException("init without a security key or push id");
        handle(System.nanoTime(), uidl);

        URI ws = URI.create(base.resolve("VAADIN/push").toString().replaceFirst("^http", "ws") + "?v-r=push&v-uiId=" + uiId
                + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + enc("application/json; charset=UTF-8") + "&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + syncId);
        socket = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(HTTP_TIMEOUT)
                .buildAsync(ws, new Listener()).get(timeoutNanos, TimeUnit.NANOSECONDS);
        if (!await(() -> handshakeSeen, deadline)) throw new IOException("no Atmosphere handshake on the push socket");
        navigate(route, query, "");
        if (!await(this::idle, deadline)) throw new IOException("no answer to the first navigation");
    }

    // ------------------------------------------------------------------------------------------------ sending

    /** Raises a DOM event on a node, as a listener registered by the server would send it; returns the rpc. */
    ObjectNode event(int node, String event, ObjectNode data) {
        ObjectNode rpc = JSON.createObjectNode();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", event);
        rpc.set("data", data);
        queued.add(rpc);
        flush();
        return rpc;
    }

    /** The client-side router's navigation (a router link clicked, or the first load). */
    void navigate(String route, String query, String trigger) {
        ObjectNode d = JSON.createObjectNode();
        d.put("route", route);
        d.put("query", query);
        d.put("appShellTitle", "");
        d.putNull("historyState");
        d.put("trigger", trigger);
        event(1, "ui-navigate", d);
    }

    /** A left click on a button (the event data Vaadin's click listener asks the browser for). */
    void click(int node) {
        ObjectNode d = JSON.createObjectNode();
        d.put("event.shiftKey", false);
        d.put("event.metaKey", false);
        d.put("event.detail", 1);
        d.put("event.ctrlKey", false);
        d.put("event.clientX", 100);
        d.put("event.clientY", 100);
        d.put("event.altKey", false);
        d.put("event.button", 0);
        d.put("event.screenY", 100);
        d.put("event.screenX", 100);
        event(node, "click", d);
    }

    boolean idle() {
        return unanswered.isEmpty() && queued.isEmpty();
    }

    private void flush() {
        if (!unanswered.isEmpty() || queued.isEmpty() || closed) return;
        ObjectNode m = JSON.createObjectNode();
        m.put("csrfToken", csrf);
        m.set("rpc", queued.deepCopy());
        m.put("syncId", syncId);
        m.put("clientId", clientId);
        queued.forEach(unanswered::add);
        queued.removeAll();
        String text = m.toString();
        try {
            socket.sendText(text.length() + "|" + text, true).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            errors.add("send failed: " + rootMessage(e));
            closed = true;
        }
    }

    // ------------------------------------------------------------------------------------------------ receiving

    /** Handles what arrives (and sends polls and heartbeats when due) until {@code untilNanos}. */
    void pump(long untilNanos) throws InterruptedException {
        await(() -> false, untilNanos);
    }

    /** Handles what arrives until the condition holds (true) or the deadline passes (false). */
    boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (true) {
            if (condition.getAsBoolean()) return true;
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0 || closed) return condition.getAsBoolean();
            timers(now);
            long wait = Math.min(deadlineNanos - now, TimeUnit.MILLISECONDS.toNanos(50));
            if (pollNanos > 0) wait = Math.max(0, Math.min(wait, nextPoll - now));
            Incoming in = inbox.poll(wait, TimeUnit.NANOSECONDS);
            if (in != null) receive(in);
        }
    }

    private void timers(long now) {
        if (pollNanos > 0 && now - nextPoll >= 0) {
            nextPoll = now + pollNanos;
            event(1, "ui-poll", JSON.createObjectNode());
        }
        if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + heartbeatNanos;
            heartbeat();
        }
    }

    private void heartbeat() {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("?v-r=heartbeat&v-uiId=" + uiId)).timeout(HTTP_TIMEOUT)
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build();
        http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((res, e) -> {
            if (e != null) errors.add("heartbeat failed: " + rootMessage(e));
            else if (res.statusCode() != 200) errors.add("heartbeat answered " + res.statusCode());
        });
    }

    private void receive(Incoming in) {
        String t = in.text;
        if (!t.startsWith("for(;;);")) {
            if (!handshakeSeen && t.matches("[0-9a-f-]{36}\\|.*")) {
                handshakeSeen = true;   // Atmosphere's protocol message: tracking id | heartbeat | padding
            } else if (!t.isBlank() && !t.equals("X")) {
                errors.add("unexpected push text: " + abbreviate(t));
            }
            return;
        }
        try {
            JsonNode array = JSON.readTree(t.substring("for(;;);".length()));
            for (JsonNode m : array) handle(in.nanos, m);
        } catch (IOException e) {
            errors.add("unreadable server message: " + abbreviate(t));
        }
    }

    private void handle(long nanos, JsonNode m) {
        JsonNode meta = m.get("meta");
        boolean async = meta != null && meta.path("async").asBoolean(false);
        if (meta != null) {
            meta.fieldNames().forEachRemaining(k -> {
                if (!k.equals("async")) errors.add("server meta " + k + ": " + abbreviate(meta.get(k).toString()));
            });
        }
        if (m.has("syncId")) {
            int s = m.get("syncId").asInt();
            if (syncId >= 0 && s != syncId + 1) errors.add("server sync id " + s + " after " + syncId);
            syncId = s;
        }
        List<JsonNode> answered = List.of();
        if (!async && m.has("clientId") && !unanswered.isEmpty()) {
            int expected = clientId + 1;
            int got = m.get("clientId").asInt();
            if (got != expected) errors.add("server expects client id " + got + ", sent " + clientId);
            clientId = got;
            answered = new ArrayList<>(unanswered);
            unanswered.clear();
        } else if (m.has("clientId") && unanswered.isEmpty() && syncId <= 0) {
            clientId = m.get("clientId").asInt();   // the init message: the first id to use
        }
        NodeTree.Applied applied = tree.apply(m.get("changes"));
        watchPolling(m.get("changes"));
        observer.onMessage(nanos, m, applied, answered);
        flush();
    }

    private void watchPolling(JsonNode changes) {
        if (changes == null) return;
        for (JsonNode c : changes) {
            if (c.path("node").asInt() == 1 && "pollInterval".equals(c.path("key").asText())) {
                int ms = c.path("value").asInt(-1);
                pollNanos = ms > 0 ? TimeUnit.MILLISECONDS.toNanos(ms) : -1;
                nextPoll = System.nanoTime() + pollNanos;
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            buffer.append(data);
            // Atmosphere's "length|message" framing; a message may span frames, a frame may hold several messages
            while (true) {
                int bar = buffer.indexOf("|");
                if (bar < 0) break;
                int length;
                try {
                    length = Integer.parseInt(buffer.substring(0, bar));
                } catch (NumberFormatException e) {
                    errors.add("bad push framing: " + abbreviate(buffer.toString()));
                    buffer.setLength(0);
                    break;
                }
                if (buffer.length() < bar + 1 + length) break;
                inbox.add(new Incoming(now, buffer.substring(bar + 1, bar + 1 + length)));
                buffer.delete(0, bar + 1 + length);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!UiConnection.this.closed) errors.add("push socket closed by the server: " + statusCode + " " + reason);
            UiConnection.this.closed = true;
            socketClosed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!UiConnection.this.closed) errors.add("push socket error: " + rootMessage(error));
            UiConnection.this.closed = true;
            socketClosed.complete(null);
        }
    }

    // ------------------------------------------------------------------------------------------------ closing

    /** Closes the tab: the unload beacon Flow's client sends, then the push socket. */
    @Override
    public void close() {
        if (closed && socket == null) return;
        boolean wasOpen = !closed;
        closed = true;
        if (wasOpen && csrf != null) {
            ObjectNode m = JSON.createObjectNode();
            m.put("csrfToken", csrf);
            m.set("rpc", JSON.createArrayNode());
            m.put("syncId", syncId);
            m.put("clientId", clientId);
            m.put("UNLOAD", true);
            try {
                http.send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId)).timeout(HTTP_TIMEOUT)
                        .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(m.toString())).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                // the beacon is best effort in a browser too
            }
        }
        if (socket != null) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                socketClosed.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
            socket = null;
        }
    }

    boolean isClosed() {
        return closed;
    }

    NodeTree tree() {
        return tree;
    }

    void observe(Observer o) {
        observer = o;
    }

    private HttpRequest get(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT);
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return b.GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
