package cnnlab.server;

import cnnlab.Lab;
import cnnlab.nn.LayerActivations;
import cnnlab.nn.LectureCnn;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/digits/classify} with {"pixels":[784 numbers in 0..1, row-major 28x28]} answers
 * {"label":7,"probabilities":[10 numbers]}. The pixels go to the network as they are (no MNIST preprocessing):
 * callers send images already in MNIST form.
 */
final class DigitsApiServlet extends JsonServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/classify".equals(req.getPathInfo())) {
            write(resp, 404, Map.of("error", "unknown endpoint; use POST /api/digits/classify"));
            return;
        }
        respond(req, resp, r -> classify(parsePixels(readJson(r))));
    }

    static float[] parsePixels(JsonNode body) {
        if (!body.isObject()) throw new ApiError(400, "expected a JSON object with a \"pixels\" array");
        JsonNode pixels = body.get("pixels");
        if (pixels == null || !pixels.isArray()) throw new ApiError(400, "\"pixels\" must be an array of 784 numbers");
        if (pixels.size() != LectureCnn.PIXELS) {
            throw new ApiError(400, "\"pixels\" must hold exactly 784 numbers (28x28), got " + pixels.size());
        }
        float[] x = new float[LectureCnn.PIXELS];
        for (int i = 0; i < x.length; i++) {
            JsonNode v = pixels.get(i);
            if (!v.isNumber()) throw new ApiError(400, "pixel " + i + " is not a number");
            double d = v.asDouble();
            if (!Double.isFinite(d) || d < 0 || d > 1) throw new ApiError(400, "pixel " + i + " must be in 0..1, got " + v);
            x[i] = (float) d;
        }
        return x;
    }

    private static Map<String, Object> classify(float[] pixels) throws Exception {
        LayerActivations a;
        try {
            a = Lab.current().digits().classify(pixels).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedExecutionException) throw new ApiError(503, e.getCause().getMessage());
            throw e;
        } catch (TimeoutException e) {
            throw new ApiError(503, "the server is busy, try again in a moment");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", a.predictedClass());
        out.put("probabilities", a.probabilities());
        return out;
    }
}
