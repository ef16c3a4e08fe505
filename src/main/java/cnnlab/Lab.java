package cnnlab;

import cnnlab.digits.DigitsService;
import cnnlab.dream.DreamService;
import cnnlab.features.FeaturesService;
import cnnlab.gallery.GalleryService;
import cnnlab.go.GoService;
import cnnlab.jobs.Foreground;
import cnnlab.jobs.JobRunner;
import cnnlab.jobs.LongJobs;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ModelFiles;
import cnnlab.nn.NativeThreads;
import cnnlab.server.ApiClient;
import cnnlab.server.LabConfig;
import cnnlab.sessions.LabSessions;
import cnnlab.speech.SpeechService;
import cnnlab.style.StyleService;
import cnnlab.text.TextService;
import cnnlab.vision.FeatureNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The application's long-lived services, created once per server from the models folder and shared by every
 * session. Views and REST handlers reach them through {@link #current()}; there is no DI container.
 */
public final class Lab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    /** How long {@link #close()} waits for running jobs before it frees the networks they read. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static volatile Lab current;

    private final DigitsService digits;
    private final JobRunner jobs;
    private final LongJobs longJobs;
    private final FeaturesService features;
    private final SpeechService speech;
    private final DreamService dream;
    private final StyleService style;
    private final GoService go;
    private final TextService text;
    private final GalleryService gallery;

    private Lab(DigitsService digits, JobRunner jobs, LongJobs longJobs, FeaturesService features, SpeechService speech,
                FeatureNetworks networks, GoService go, TextService text, GalleryService gallery) {
        this.digits = digits;
        this.jobs = jobs;
        this.longJobs = longJobs;
        this.features = features;
        this.speech = speech;
        this.dream = new DreamService(networks, longJobs);
        this.style = new StyleService(networks, longJobs);
        this.go = go;
        this.text = text;
        this.gallery = gallery;
    }

    /** Loads every shipped model from {@code models} and makes the result the current lab; the gallery from the environment. */
    public static synchronized Lab start(Path models) {
        return start(models, LabConfig.galleryFolder(null, System.getenv()));
    }

    /** Opens the gallery in {@code gallery} (first: an unusable folder fails fast), loads the models, makes the lab current. */
    public static synchronized Lab start(Path models, Path gallery) {
        if (current != null) return current;
        GalleryService opened = GalleryService.open(gallery);
        NativeThreads.useOneBlasThread();
        MultiLayerNetwork mnist = ModelFiles.load(models.resolve(ModelFiles.MNIST));
        LectureWeights weights = LectureWeights.of(mnist);   // copied before the inference thread owns the network
        FeatureNetworks networks = FeatureNetworks.load(models, mnist);   // copies too
        // two visualisations (or dreams, or styles) at a time (two cores), up to 64 waiting; finished renders cached up to 64 MB
        // fair across browser sessions; one session may keep at most 4 jobs waiting
        // heavy jobs step aside between steps while quick readings are in flight
        Foreground foreground = new Foreground();
        LongJobs longJobs = new LongJobs(2, 64, 4, LabSessions::currentOwner, foreground);
        // quick work: two threads, up to 256 waiting, fair across sessions and API clients, 16 units in flight each
        JobRunner jobs = new JobRunner(2, 256, 16, () -> ApiClient.current().orElseGet(LabSessions::currentOwner), foreground);
        current = new Lab(new DigitsService(mnist), jobs, longJobs,
                new FeaturesService(weights, longJobs, 64L << 20), SpeechService.load(models), networks, GoService.load(models, jobs), TextService.load(models), opened);
        return current;
    }

    public static boolean isRunning() {
        return current != null;
    }

    public static Lab current() {
        return Objects.requireNonNull(current, "the lab is not started");
    }

    public DigitsService digits() {
        return digits;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The slots for heavy jobs (visualisations). */
    public LongJobs longJobs() {
        return longJobs;
    }

    public FeaturesService features() {
        return features;
    }

    public SpeechService speech() {
        return speech;
    }

    public DreamService dream() {
        return dream;
    }

    public StyleService style() {
        return style;
    }

    public GoService go() {
        return go;
    }

    public TextService text() {
        return text;
    }

    /** The lab gallery that every student's saved pictures go to. */
    public GalleryService gallery() {
        return gallery;
    }

    @Override
    /**
     * Stops the job pools, waits a little for running jobs to end, then frees every network this lab opened (the
     * digits, speech, Go and text networks; the feature networks are plain arrays). A network still in use by a job
     * that would not stop is left to the garbage collector rather than freed under it.
     */
    public synchronized void close() {
        if (current == this) current = null;
        jobs.close();
        longJobs.close();
        digits.close();
        boolean stopped;
        try {
            stopped = jobs.awaitStopped(STOP_WAIT) & longJobs.awaitStopped(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            LOG.warn("jobs still running after {} s: the networks are not freed", STOP_WAIT.toSeconds());
            return;
        }
        speech.close();
        go.close();
        text.close();
    }

    /** Stops and forgets the current lab (tests, shutdown). */
    public static synchronized void stopCurrent() {
        if (current != null) current.close();
    }
}
