package cnnlab.server;

import cnnlab.Lab;
import cnnlab.text.SentenceReading;
import cnnlab.text.SentimentModel;
import cnnlab.text.TextProblem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/text/classify} with {"text":"...","model":"mr"|"sst2"} (model optional, default mr) answers
 * {"label":"positive","probability":0.93,"model":"mr","tokens":[...],"unknown":[...],"ngrams":[{"ngram":"not good",
 * "width":3,"filter":17,"value":2.1,"contribution":-0.8}, ...]}: the n-grams where the filters that moved the verdict
 * most peaked, strongest first. Text that cannot be read gets a 400 with a sentence saying why.
 */
final class TextApiServlet extends JsonServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/classify".equals(req.getPathInfo())) {
            write(resp, 404, Map.of("error", "unknown endpoint; use POST /api/text/classify"));
            return;
        }
        respond(req, resp, r -> classify(readJson(r)));
    }

    private static final String MODEL_CHOICES = "\"model\" must be one of " + java.util.Arrays.stream(SentimentModel.values())
            .map(m -> "\"" + m.id() + "\"").collect(java.util.stream.Collectors.joining(", "));

    private static Map<String, Object> classify(JsonNode body) throws Exception {
        if (!body.isObject()) throw new ApiError(400, "expected a JSON object with a \"text\" string");
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) throw new ApiError(400, "\"text\" must be a string");
        JsonNode modelNode = body.get("model");
        SentimentModel model = modelNode == null ? SentimentModel.MR : modelNode.isTextual() ? SentimentModel.byId(modelNode.asText()) : null;
        if (model == null) throw new ApiError(400, MODEL_CHOICES);
        Lab lab = Lab.current();
        if (!lab.text().has(model)) throw new ApiError(503, "the " + model.id() + " model is not installed on this server");
        SentenceReading r;
        try {
            r = lab.text().submit(lab.jobs(), text.asText(), model).orTimeout(10, TimeUnit.SECONDS).get();   // on time out it leaves the queue
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TextProblem p) throw new ApiError(400, p.getMessage());
            if (e.getCause() instanceof RejectedExecutionException) throw new ApiError(503, e.getCause().getMessage());
            if (e.getCause() instanceof TimeoutException) throw new ApiError(503, "the server is busy, try again in a moment");
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", r.label());
        out.put("probability", r.confidence());
        out.put("model", model.id());
        out.put("tokens", r.tokens());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < r.tokens().size(); i++) if (!r.known().get(i)) unknown.add(r.tokens().get(i));
        out.put("unknown", unknown);
        List<Map<String, Object>> ngrams = new ArrayList<>();
        for (SentenceReading.Hit h : r.top()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("ngram", r.ngram(h));
            n.put("width", h.width());
            n.put("filter", h.filter());
            n.put("value", h.value());
            n.put("contribution", h.contribution());
            ngrams.add(n);
        }
        out.put("ngrams", ngrams);
        return out;
    }
}
