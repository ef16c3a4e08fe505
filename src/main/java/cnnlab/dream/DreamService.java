package cnnlab.dream;

import cnnlab.jobs.LiveRun;
import cnnlab.jobs.LongJobs;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.FeatureNetworks;
import cnnlab.vision.Picture;

/** Deep Dream for the pages and the API: checks the settings and hands each dream to the server's long-job slots. */
public final class DreamService {
    /** Frames reach the browser at most every 100 ms: a dream step takes 20-150 ms, a frame is a 10-40 KB JPEG. */
    static final long FRAME_INTERVAL_MS = 100;

    private final FeatureNetworks networks;
    private final LongJobs jobs;

    public DreamService(FeatureNetworks networks, LongJobs jobs) {
        this.networks = networks;
        this.jobs = jobs;
    }

    public FeatureNetworks networks() {
        return networks;
    }

    /** A dream ready to start; throws IllegalArgumentException (readable) for an unknown network, layer or filter. */
    public LiveRun<Dream, DreamFrame> prepare(DreamSettings settings, Picture source) {
        FeatureNetwork net = networks.require(settings.network());
        return new LiveRun<>(jobs, new Dream(net, source, settings), DreamFrame::of, FRAME_INTERVAL_MS);
    }
}
