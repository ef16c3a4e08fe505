package cnnlab.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Vaadin 24.9 answers its own init request ({@code ?v-r=init}) with a 500 when the page location starts with "/" or
 * the query is not valid percent-encoding (found by the fuzz suite): a browser never sends either, so such a request
 * gets a plain 400 here before it reaches Vaadin.
 */
public final class InitRequestGuard implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        // GET only: asking a POST for a parameter would make Jetty parse (and refuse, in HTML) a form body meant for the API
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp && "GET".equals(req.getMethod())
                && req.getQueryString() != null && req.getQueryString().contains("v-r=init") && "init".equals(req.getParameter("v-r"))) {
            String problem = problem(req.getParameter("location"), req.getParameter("query"));
            if (problem != null) {
                JsonServlet.write(resp, 400, Map.of("error", problem));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with an init request's location and query, or null. */
    static String problem(String location, String query) {
        if (location != null && location.startsWith("/")) return "the page location must be relative";
        if (query != null) {
            for (String part : query.split("[&=]", -1)) {
                try {
                    URLDecoder.decode(part, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "the page query is not valid percent-encoding";
                }
            }
        }
        return null;
    }
}
