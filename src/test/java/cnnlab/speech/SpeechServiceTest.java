package cnnlab.speech;

import cnnlab.jobs.Foreground;
import cnnlab.jobs.JobRunner;
import cnnlab.jobs.SlowJob;
import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped speech models on the shipped test clips (the full test split is `evaluate speech --data DIR`). */
class SpeechServiceTest {
    static SpeechService speech;

    @BeforeAll
    static void load() {
        speech = SpeechService.load(ShippedModel.MODELS);
    }

    @Test
    void bothModelsShip() {
        for (SpeechNet n : SpeechNet.values()) assertTrue(speech.has(n), n.file() + " is in models/");
        assertTrue(speech.parameters(SpeechNet.FREQUENCY) < speech.parameters(SpeechNet.TWO_D), "5x1 filters have fewer weights");
    }

    @Test
    void theShippedTestClipsAreReadCorrectly() throws Exception {
        List<Path> clips = ShippedClips.all();
        assertEquals(60, clips.size());
        int[] correct = new int[SpeechNet.values().length];
        for (Path clip : clips) {
            SpeechReading r = speech.read(Files.readAllBytes(clip));
            for (SpeechNet n : SpeechNet.values()) if (r.predictions().get(n).label() == ShippedClips.digit(clip)) correct[n.ordinal()]++;
        }
        System.out.printf("shipped clips: frequency-only %d/60, 2D %d/60%n", correct[0], correct[1]);
        assertTrue(correct[SpeechNet.FREQUENCY.ordinal()] >= 54, "frequency-only net: " + correct[0] + "/60");
        assertTrue(correct[SpeechNet.TWO_D.ordinal()] >= 51, "2D net: " + correct[1] + "/60");
    }

    @Test
    void aReadingHoldsEverythingThePageShows() throws Exception {
        Path seven = ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith("7_theo")).findFirst().orElseThrow();
        SpeechReading r = speech.read(Files.readAllBytes(seven));
        assertEquals(8000, r.audio().sampleRate());
        assertEquals(Spectrogram.WINDOW / 2 + 1, r.linear().bands());
        assertEquals(Spectrogram.MEL_BANDS, r.mel().bands());
        assertEquals(SpeechNet.FILTERS1, r.conv1().length);
        assertEquals(SpeechNet.conv1Bands(), r.conv1()[0].length);
        assertEquals(SpeechInput.FRAMES, r.conv1()[0][0].length);
        float[] p = r.predictions().get(SpeechNet.FREQUENCY).probabilities();
        double sum = 0;
        for (float v : p) sum += v;
        assertEquals(1, sum, 1e-4);
        assertEquals(SpeechNet.FILTERS1, speech.frequencyFilters().length);
        assertEquals(SpeechNet.KERNEL, speech.frequencyFilters()[0].length);
    }

    @Test
    void aClipAtAnotherRateAndInStereoReadsTheSame() throws Exception {
        Path clip = ShippedClips.all().get(13);
        Audio original = WavReader.read(Files.readAllBytes(clip));
        Audio up = Resampler.to(original, 22050);
        byte[] stereoFloat = cnnlab.speech.Wavs.wav(up.samples(), 22050, -32, 2, true);
        assertEquals(speech.read(original).predictions().get(SpeechNet.FREQUENCY).label(),
                speech.read(stereoFloat).predictions().get(SpeechNet.FREQUENCY).label());
    }

    @Test
    void unusableAudioIsRefusedWithAReason() {
        assertThrows(AudioProblem.class, () -> speech.read("hello".getBytes()));
        assertThrows(AudioProblem.class, () -> speech.read(Wavs.wav(new float[4000], 8000, 16, 1, false)), "silence");
    }

    /** Issue 19: a long high-rate clip is charged for its decoding and resampling, read from its header. */
    @Test
    void aClipCostsTheJobPoolMoreTheMoreSamplesItHolds() {
        assertEquals(1, SpeechService.cost(Wavs.wav(Wavs.sine(440, 8000, 1, 0.5), 8000, 16, 1, false)));
        assertEquals(1, SpeechService.cost(Wavs.wav(new float[441_000], 44_100, 16, 2, false)));     // 10 s of CD audio
        assertEquals(2, SpeechService.cost(Wavs.wav(new float[950_000], 192_000, 16, 1, false)));    // the 1.9 MB of the issue
        assertEquals(3, SpeechService.cost(Wavs.wav(new float[1_920_000], 192_000, 16, 1, false)));  // 10 s at 192 kHz
        assertEquals(1, SpeechService.cost("not a WAV file".getBytes()));
    }

    @Test
    void aClipGoesToTheJobPoolAtItsCost() throws Exception {
        byte[] tenSeconds = Wavs.wav(new float[1_920_000], 192_000, 16, 1, false);
        Path seven = ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith("7_theo")).findFirst().orElseThrow();
        CountDownLatch release = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(2, 8, 3, () -> "student", new Foreground())) {
            jobs.submit(JobRunner.Urgency.NOW, 1, SlowJob.of(() -> { }, release, 0));
            ExecutionException e = assertThrows(ExecutionException.class, () -> speech.submit(jobs, tenSeconds).get(5, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, e.getCause(), "1 unit in flight + 3 is past the budget of 3");
            CompletableFuture<SpeechReading> reading = speech.submit(jobs, Files.readAllBytes(seven));   // 1 + 1: taken
            release.countDown();
            assertEquals(7, reading.get(20, TimeUnit.SECONDS).predictions().get(SpeechNet.FREQUENCY).label());
        }
    }
}
