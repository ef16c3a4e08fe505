package cnnlab.server;

import cnnlab.Lab;
import cnnlab.speech.AudioProblem;
import cnnlab.speech.SpeechNet;
import cnnlab.speech.SpeechReading;
import cnnlab.speech.WavReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/speech/classify} with a WAV file as the body (at most 10 MB, 10 s) answers
 * {"label":7,"probabilities":[10],"seconds":0.52,"models":{"speech":{...},"speech-2d":{...}}}: the label and
 * probabilities at the top level are the lecture's frequency-only network's.
 */
final class SpeechApiServlet extends JsonServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/classify".equals(req.getPathInfo())) {
            write(resp, 404, Map.of("error", "unknown endpoint; use POST /api/speech/classify with a WAV body"));
            return;
        }
        respond(req, resp, r -> classify(readWav(r)));
    }

    private static byte[] readWav(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > WavReader.MAX_BYTES) throw new ApiError(413, "the WAV file is larger than 10 MB");
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(WavReader.MAX_BYTES + 1);
        }
        if (body.length > WavReader.MAX_BYTES) throw new ApiError(413, "the WAV file is larger than 10 MB");
        if (body.length == 0) throw new ApiError(400, "empty request body: send a WAV file");
        return body;
    }

    private static Map<String, Object> classify(byte[] wav) throws Exception {
        Lab lab = Lab.current();
        SpeechReading reading;
        try {
            reading = lab.speech().submit(lab.jobs(), wav).orTimeout(20, TimeUnit.SECONDS).get();   // on time out it leaves the queue
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof AudioProblem) throw new ApiError(400, c.getMessage());
            if (c instanceof RejectedExecutionException) throw new ApiError(503, c.getMessage());
            if (c instanceof TimeoutException) throw new ApiError(503, "the server is busy, try again in a moment");
            if (c instanceof IllegalStateException) throw new ApiError(503, c.getMessage());
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        SpeechReading.Prediction main = reading.predictions().getOrDefault(SpeechNet.FREQUENCY,
                reading.predictions().values().iterator().next());
        out.put("label", main.label());
        out.put("probabilities", main.probabilities());
        out.put("seconds", Math.round(reading.audio().seconds() * 1000) / 1000.0);
        Map<String, Object> models = new LinkedHashMap<>();
        reading.predictions().forEach((net, p) -> models.put(net.id(), Map.of("label", p.label(), "probabilities", p.probabilities())));
        out.put("models", models);
        return out;
    }
}
