package cnnlab.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Jetty answers on its own (requests its parser refuses, protected paths, TRACE) and what a broken request body
 * gets: the security headers, no server version, no internals in the body, and for a body cut short a 400 with
 * one line in the log, not a 500 with a stack trace. Raw sockets: a real client would not send these.
 */
class ErrorPagesTest {
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = URI.create(RunningLab.url()).getPort();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown HTTP version|505|GET / HTTP/3.0\\r\\nHost: x\\r\\n\\r\\n",
            "a header line without a colon|400|GET / HTTP/1.1\\r\\nHost: x\\r\\nBad Header\\r\\n\\r\\n",
            "spaces in the path|400|GET /a b c HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
            "a protected path|404|GET /WEB-INF/web.xml HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "TRACE|403|TRACE / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n"})
    void jettysOwnAnswersCarryTheHeadersAndNoInternals(String what, int status, String request) throws Exception {
        assertAnswer(what, status, RawClient.exchange(port, request.replace("\\r\\n", "\r\n")));
    }

    @org.junit.jupiter.api.Test
    void headersTooLargeCarryTheHeadersToo() throws Exception {
        assertAnswer("a 20 KB header", 431, RawClient.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"));
    }

    private static void assertAnswer(String what, int status, String answer) {
        String head = answer.split("\r\n\r\n", 2)[0], body = answer.substring(head.length());
        assertTrue(head.startsWith("HTTP/1.1 " + status + " "), what + ": " + head);
        assertTrue(head.contains("Content-Security-Policy: " + SecurityHeaders.CSP), what + ": no CSP in\n" + head);
        assertTrue(head.contains("X-Content-Type-Options: nosniff") && head.contains("X-Frame-Options: DENY"), what + ": " + head);
        assertFalse(head.toLowerCase().contains("\nserver:"), what + ": the server names itself\n" + head);
        for (String internal : new String[]{"Jetty", "12.1", "Servlet", "cnnlab.", "Exception"}) {
            assertFalse(body.contains(internal), what + ": the body names " + internal + "\n" + body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a body cut short|Content-Length: 5000\\r\\n\\r\\n{\"pixels\":[0,0,0",
            "a bad chunk size|Transfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\nabc\\r\\n0\\r\\n\\r\\n"})
    void aBrokenBodyGets400AndOneLogLine(String what, String rest) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));   // slf4j-simple writes to System.err as it is now
        String answer;
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            c.send("POST /api/digits/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + rest.replace("\\r\\n", "\r\n"));
            c.socket.shutdownOutput();   // the client stops sending: the server reads the end of the stream
            answer = c.answer(20_000);
        } finally {
            System.setErr(err);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        err.print(logged);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), what + ": " + answer);
        assertTrue(answer.contains("\"error\""), what + ": a JSON error\n" + answer);
        assertFalse(logged.contains("\tat "), what + ": a stack trace in the log\n" + logged);
        assertTrue(logged.strip().lines().count() <= 1, what + ": more than one log line\n" + logged);
    }
}
