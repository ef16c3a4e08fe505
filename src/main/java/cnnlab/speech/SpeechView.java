package cnnlab.speech;

import cnnlab.Lab;
import cnnlab.ui.Failure;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.FilterSlide;
import cnnlab.ui.LimitedUpload;
import cnnlab.ui.NewestReading;
import cnnlab.ui.ProbabilityChart;
import cnnlab.ui.SpectrogramPlot;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * "Speech" (lecture section 4.2): a clip's spectrogram, and a CNN whose filters slide along frequency only, then an
 * LSTM over time, reading the spoken digit; beside it the same network with 2D filters, measured. Thin over
 * {@link SpeechService}: a clip is read on the server's job pool as the {@link NewestReading} (a clip chosen while
 * one is read waits for it, and replaces any clip chosen before it) and shown when it arrives.
 */
@Route("speech")
@PageTitle("Speech · CNN Lab")
@Menu(title = "Speech", order = 5, icon = "vaadin:microphone")
public class SpeechView extends Div {
    static final String PROMPT = "Pick a clip, upload a WAV file or record yourself saying a digit";
    private static final String TOO_LARGE = "That file is larger than 10 MB.";
    private static final Logger LOG = LoggerFactory.getLogger(SpeechView.class);

    private final Lab lab = Lab.current();
    private final SpeechService speech = lab.speech();
    private final Paragraph status = new Paragraph(PROMPT);
    /** Stands where the results go until a clip has been heard (empty cards with a dash said nothing). */
    private final Paragraph nothingYet = new Paragraph("Nothing heard yet. Choose one of the clips above, record yourself "
            + "or upload a WAV file: its spectrogram, what the two networks hear, and one of the lecture's filters sliding "
            + "along frequency will appear here.");
    private Div results;
    private final Upload upload = new Upload();
    private final Element player = new Element("audio");
    private final RadioButtonGroup<String> scale = new RadioButtonGroup<>();
    private final SpectrogramPlot spectrogram = new SpectrogramPlot(520, 220);
    private final Span verdict = new Span();
    private final ProbabilityChart chart = new ProbabilityChart(10);
    private final NativeTable comparison = new NativeTable();
    private final Select<Integer> filter = new Select<>();
    private final FeatureMapGrid filterWeights = new FeatureMapGrid(1, SpeechNet.KERNEL, 1, 1, 14, FeatureMapGrid.Palette.DIVERGING);
    private final SpectrogramPlot response = new SpectrogramPlot(520, 200);
    private final FilterSlide slide = new FilterSlide();
    private int frame = -1;   // the frame whose column the animation shows (network-input frames)

    private byte[] clip;   // the WAV being shown, for playback
    private SpeechReading reading;
    private final NewestReading<SpeechReading> readings = NewestReading.on(this);

    public SpeechView() {
        addClassName("lab-page");
        H2 title = new H2("Speech: filters that slide along frequency");
        Paragraph lead = new Paragraph("A spectrogram is a picture of sound: time runs left to right, frequency bottom to "
                + "top, colour is energy. The lecture's speech CNN slides its filters only along FREQUENCY, one time frame "
                + "at a time (the same weights for every frame), and leaves time to an LSTM that reads the frames in order. "
                + "Below, that network and one whose filters also slide along time, trained the same way, read your clip.");
        lead.addClassName("lab-lead");
        status.setId("speech-status");
        status.addClassName("lab-caption");
        nothingYet.setId("speech-nothing-yet");
        nothingYet.addClassName("lab-empty");
        results = results();
        results.setVisible(false);
        add(title, lead, inputCard(), status, nothingYet, results);
        showReading(null);
    }

    private Div inputCard() {
        Div clips = new Div();
        clips.addClassName("lab-clips");
        for (BuiltInClips.Clip c : BuiltInClips.ALL) {
            Button b = new Button(c.label(), e -> read(c.bytes(), "built-in clip " + c.label()));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            b.setId("clip-" + c.digit());
            clips.add(b);
        }
        upload.setUploadHandler(new LimitedUpload(WavReader.MAX_BYTES, TOO_LARGE, this::readUpload, problem -> {
            upload.clearFileList();
            showProblem(problem);
        }));
        upload.setId("upload");
        upload.setAcceptedFileTypes("audio/wav", "audio/x-wav", "audio/wave", ".wav");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(WavReader.MAX_BYTES);
        upload.setDropLabel(new Span("Drop a WAV file here (at most 10 MB, 10 s)"));
        upload.addFileRejectedListener(e -> showProblem(e.getErrorMessage().toLowerCase(Locale.ROOT).contains("size")
                ? TOO_LARGE : "Please choose a WAV file (.wav)."));
        Paragraph attribution = new Paragraph(BuiltInClips.ATTRIBUTION);
        attribution.addClassName("lab-caption");
        Recorder recorder = new Recorder(new LimitedUpload(WavReader.MAX_BYTES, "That recording is larger than 10 MB.",
                (ui, name, wav) -> readUpload(ui, "your recording", wav), this::showProblem));
        recorder.setId("recorder");
        Div card = new Div(new H4("Say a digit"), recorder, new H4("Built-in clips"), clips, attribution,
                new H4("Your own WAV file"), upload);
        card.addClassNames("lab-card", "lab-speech-input");
        return card;
    }

    private Div results() {
        player.setAttribute("controls", true);
        player.setAttribute("id", "player");
        Div playerBox = new Div();
        playerBox.getElement().appendChild(player);

        scale.setItems("mel", "linear");
        scale.setValue("mel");
        scale.setId("scale");
        scale.addValueChangeListener(e -> showSpectrogram());
        spectrogram.setId("spectrogram");
        Div spectrogramCard = new Div(new H3("Spectrogram"), playerBox, scale, spectrogram,
                caption("STFT: 32 ms Hann windows every 10 ms at 8 kHz; mel bands are spaced as the ear hears pitch."));
        spectrogramCard.addClassName("lab-card");

        verdict.setId("speech-verdict");
        verdict.addClassName("lab-verdict");
        chart.setId("speech-probabilities");
        comparison.setId("comparison");
        comparison.addClassName("lab-table");
        Div predictionCard = new Div(new H3("What the networks hear"), verdict, chart, comparison);
        predictionCard.addClassName("lab-card");

        filter.setLabel("conv1 filter of the frequency-only net");
        filter.setWidth("18em");
        filter.setItems(IntStream.range(0, SpeechNet.FILTERS1).boxed().toList());
        filter.setItemLabelGenerator(i -> "filter " + i);
        filter.setValue(0);
        filter.setId("filter");
        filter.addValueChangeListener(e -> showFilter());
        filterWeights.setId("filter-weights");
        response.setId("filter-response");
        response.setYLabel("band centre (Hz)");
        response.addFrameClickListener(t -> {
            frame = t;
            showFilter();
        });
        slide.setId("filter-slide");
        Div filterCard = new Div(new H3("One filter, sliding along frequency"), filter,
                new Div(new Span("its 5 weights, low to high frequency: "), filterWeights), response,
                caption("The filter's output (after ReLU) at every band and frame of the network's 1-second input: each "
                        + "column is computed from that frame alone, with the same 5 weights for every frame. Click a "
                        + "frame to watch the filter slide along it:"), slide);
        filterCard.addClassName("lab-card");

        Div grid = new Div(spectrogramCard, predictionCard, filterCard);
        grid.addClassName("lab-speech-results");
        return grid;
    }

    private static Paragraph caption(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("lab-caption");
        return p;
    }

    /** Reads a clip on the job pool; called on the UI thread. */
    void read(byte[] wav, String source) {
        status.setText("Reading " + source + "…");
        request(wav, source);
    }

    /**
     * Reads an uploaded clip on the job pool and shows it in {@code ui}; any thread may call this. The future completes
     * when the clip's job is over, or when a newer clip replaced it before it was sent: then the session may upload again.
     */
    CompletableFuture<?> readUpload(UI ui, String source, byte[] wav) {
        UiAccess.later(ui, () -> {   // queued before the reading's answer can be
            upload.clearFileList();   // ready for the next file (one at a time)
            status.setText("Reading " + source + "…");
        });
        return request(wav, source);
    }

    private CompletableFuture<Void> request(byte[] wav, String source) {
        return readings.request(() -> speech.submit(lab.jobs(), wav).orTimeout(20, TimeUnit.SECONDS), r -> {
            clip = wav;
            status.setText("Showing " + source + String.format(Locale.ROOT, " · %.2f s after trimming silence", r.audio().seconds()));
            showReading(r);
        }, this::showFailure);
    }

    private void showFailure(Throwable error) {
        if (error instanceof AudioProblem) showProblem("That audio could not be used: " + error.getMessage() + ".");
        else if (Failure.busy(error)) {
            showProblem("The server is busy right now; please try again in a moment.");
        } else if (error instanceof IllegalStateException) {
            showProblem(error.getMessage());
        } else {
            showProblem("Something went wrong reading that clip (reference " + Failure.logged(LOG, "reading a clip", error) + ").");
        }
    }

    /**
     * A new clip was refused or could not be read: say why, and take the last clip's result off the page, so that its
     * verdict and spectrogram do not read as this clip's.
     */
    private void showProblem(String message) {
        clip = null;
        showReading(null);
        status.setText(message);
        status.addClassName("lab-notice");
    }

    private void showReading(SpeechReading r) {
        reading = r;
        frame = -1;
        status.removeClassName("lab-notice");
        results.setVisible(r != null);
        nothingYet.setVisible(r == null);
        if (r == null) {
            verdict.setText("–");
            chart.clear();
            spectrogram.clear();
            response.clear();
            player.removeAttribute("src");
            fillComparison(null);
            return;
        }
        SpeechReading.Prediction main = r.predictions().getOrDefault(SpeechNet.FREQUENCY, r.predictions().values().iterator().next());
        verdict.setText("\"" + main.label() + "\"");
        chart.show(main.probabilities());
        byte[] wav = clip;
        player.setAttribute("src", DownloadHandler.fromInputStream(e ->
                new DownloadResponse(new ByteArrayInputStream(wav), "clip.wav", "audio/wav", wav.length)));
        showSpectrogram();
        fillComparison(r);
        showFilter();
    }

    private void showSpectrogram() {
        if (reading == null) return;
        Spectrogram s = "linear".equals(scale.getValue()) ? reading.linear() : reading.mel();
        float[][] byBand = new float[s.bands()][s.frames()];
        for (int t = 0; t < s.frames(); t++) for (int b = 0; b < s.bands(); b++) byBand[b][t] = s.db()[t][b];
        float max = s.maxDb();
        spectrogram.show(byBand, s.frequencies(), s.hopSeconds(), max - 80, max, "dB");
    }

    private void showFilter() {
        float[][] weights = speech.frequencyFilters();
        int k = filter.getValue() == null ? 0 : filter.getValue();
        if (weights.length > k) filterWeights.showSigned(weights[k]);
        if (reading == null || reading.conv1().length <= k) {
            response.clear();
            slide.clear();
            return;
        }
        float[][] map = reading.conv1()[k];
        float max = 0;
        for (float[] row : map) for (float v : row) max = Math.max(max, v);
        // conv1 is 'valid': output band b covers input bands b..b+4, centred on b+2
        float[] centres = reading.mel().frequencies();
        float[] hz = new float[map.length];
        for (int b = 0; b < hz.length; b++) hz[b] = centres[b + SpeechNet.KERNEL / 2];
        response.show(map, hz, reading.mel().hopSeconds(), 0, Math.max(max, 1e-6f), "");
        if (frame < 0) frame = loudestFrame(reading.input());
        response.setMarker(frame);
        float[] column = new float[SpeechInput.BANDS], outputs = new float[map.length];
        for (int b = 0; b < column.length; b++) column[b] = reading.input().values()[b][frame];
        for (int b = 0; b < outputs.length; b++) outputs[b] = map[b][frame];
        slide.show(column, weights[k], outputs);
    }

    private static int loudestFrame(SpeechInput input) {
        int best = 0;
        double bestSum = -1;
        for (int t = 0; t < SpeechInput.FRAMES; t++) {
            double sum = 0;
            for (float[] band : input.values()) sum += band[t];
            if (sum > bestSum) {
                bestSum = sum;
                best = t;
            }
        }
        return best;
    }

    private void fillComparison(SpeechReading r) {
        comparison.removeAll();
        NativeTableRow head = new NativeTableRow();
        for (String h : new String[]{"network", "filters slide along", "parameters", "test accuracy", "this clip"}) {
            head.add(new NativeTableHeaderCell(h));
        }
        comparison.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        for (SpeechNet n : SpeechNet.values()) {
            if (!speech.has(n)) continue;
            NativeTableRow row = new NativeTableRow();
            row.setId("row-" + n.id());
            SpeechReading.Prediction p = r == null ? null : r.predictions().get(n);
            row.add(new NativeTableCell(n == SpeechNet.FREQUENCY ? "CNN (5x1) + LSTM, the lecture's" : "CNN (5x5, then 5x1) + LSTM"),
                    new NativeTableCell(n == SpeechNet.FREQUENCY ? "frequency only" : "time and frequency"),
                    new NativeTableCell(String.format(Locale.ROOT, "%,d", speech.parameters(n))),
                    new NativeTableCell(speech.testAccuracy(n).isPresent()
                            ? String.format(Locale.ROOT, "%.1f%%", 100 * speech.testAccuracy(n).getAsDouble()) : "–"),
                    new NativeTableCell(p == null ? "–" : String.format(Locale.ROOT, "\"%d\" (%.0f%%)", p.label(), 100 * p.probabilities()[p.label()])));
            body.add(row);
        }
        comparison.add(body);
    }

    // --- package-private accessors for browserless tests
    String statusText() {
        return status.getText();
    }

    /** Whether the results (spectrogram, verdicts, filter) are on the page, rather than the "nothing heard yet" note. */
    boolean showsResults() {
        return results.isVisible() && !nothingYet.isVisible();
    }

    String verdictText() {
        return verdict.getText();
    }

    SpectrogramPlot spectrogram() {
        return spectrogram;
    }

    SpectrogramPlot filterResponse() {
        return response;
    }
}
