package cnnlab.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Opens /admin as Flow's client does, without a browser: the page request starts a session, the init request gives
 * the CSRF token, and the first navigation (a UIDL request) is where the view decides who may see it. Each request
 * carries {@code headers}.
 */
public final class AdminProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminProbe() { }

    /** True when the admin page showed its tables, false when it showed the "for the lab's admins" note. */
    public static boolean opens(String base, Map<String, String> headers) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, HttpRequest.newBuilder(URI.create(base + "admin")).GET(), headers);
        String init = send(browser, HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=admin&query=")).GET(), headers);
        String csrf = JSON.readTree(init).path("appConfig").path("uidl").path("Vaadin-Security-Key").asText();
        ObjectNode navigate = JSON.createObjectNode();
        navigate.put("csrfToken", csrf).put("syncId", 0).put("clientId", 0);
        ObjectNode rpc = navigate.putArray("rpc").addObject().put("type", "event").put("node", 1).put("event", "ui-navigate");
        rpc.putObject("data").put("route", "admin").put("query", "").put("appShellTitle", "").put("trigger", "").putNull("historyState");
        String page = send(browser, HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(navigate.toString())), headers);
        boolean refused = page.contains("not-allowed"), shown = page.contains("Heavy jobs");
        if (refused == shown) throw new AssertionError("the admin page neither opened nor refused: " + page.substring(0, Math.min(400, page.length())));
        return shown;
    }

    private static String send(HttpClient browser, HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        HttpResponse<String> r = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(r.uri() + " answered " + r.statusCode());
        return r.body();
    }
}
