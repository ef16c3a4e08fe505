package cnnlab.style;

import cnnlab.jobs.LiveRun;
import cnnlab.jobs.LongJobs;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.FeatureNetworks;
import cnnlab.vision.Picture;

/** Deep Style for the pages: checks the settings and hands each transfer to the server's long-job slots. */
public final class StyleService {
    /** An iteration takes 50-500 ms: frames at most every 100 ms is every iteration at small sizes. */
    static final long FRAME_INTERVAL_MS = 100;

    private final FeatureNetworks networks;
    private final LongJobs jobs;

    public StyleService(FeatureNetworks networks, LongJobs jobs) {
        this.networks = networks;
        this.jobs = jobs;
    }

    public FeatureNetworks networks() {
        return networks;
    }

    public LiveRun<StyleTransfer, StyleFrame> prepare(StyleSettings settings, Picture content, Picture style) {
        FeatureNetwork net = networks.require(settings.network());
        return new LiveRun<>(jobs, new StyleTransfer(net, content, style, settings), StyleFrame::of, FRAME_INTERVAL_MS);
    }
}
