package cnnlab.ui;

import cnnlab.jobs.LiveRun;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run / Stop / Resume, a progress bar and a status line for one tab's {@link LiveRun}: it queues the run on the
 * server's slots, shows the place in the queue while waiting, hands only the newest frame to the page (the job may
 * make frames faster than the browser takes them), turns a failure into a message with a reference id, and stops the
 * run when the tab goes away.
 *
 * @param <F> the frame type
 */
public class RunPanel<F> extends Div {
    private static final Logger LOG = LoggerFactory.getLogger(RunPanel.class);

    /** How a page prepares runs and shows frames. */
    public interface Page<F> {
        /** A new run from the form, or empty when none is needed: after showing why not (bad settings), or after
         *  showing a result made earlier ({@link #showMadeEarlier}). */
        Optional<LiveRun<?, F>> prepare();

        /** Shows a frame (UI thread). */
        void show(F frame);

        /** Status line for a frame, e.g. "octave 2 / 4 · step 13 / 40". */
        String describe(F frame);

        /** 0..1. */
        double progress(F frame);
    }

    private final Page<F> page;
    private final Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> restart());
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create(), e -> stop());
    private final Button resume = new Button("Resume", VaadinIcon.STEP_FORWARD.create(), e -> resume());
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Paragraph notice = new Paragraph();
    private final AtomicReference<F> pending = new AtomicReference<>();
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private LiveRun<?, F> current;
    /** A finished result shown without a run (made earlier on the server), or null. */
    private F madeEarlier;
    private Registration queuePoll;
    private Runnable onChange = () -> { };

    public RunPanel(Page<F> page) {
        this.page = page;
        addClassName("lab-run");
        run.setId("run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stop.setId("stop");
        resume.setId("resume");
        progress.setId("progress");
        status.setId("status");
        notice.setId("notice");
        notice.addClassName("lab-notice");
        notice.setVisible(false);
        Div buttons = new Div(run, stop, resume);
        buttons.addClassName("lab-buttons");
        add(buttons, progress, status, notice);
        updateButtons();
    }

    /** Called whenever the run starts, stops or ends (the page enables its downloads). */
    public void onChange(Runnable r) {
        onChange = r;
        r.run();
    }

    public Optional<LiveRun<?, F>> current() {
        return Optional.ofNullable(current);
    }

    /** The newest frame shown or made (for downloads). */
    public Optional<F> latest() {
        return current == null ? Optional.ofNullable(madeEarlier) : current.latest();
    }

    /** Stops this tab's run, if any, and starts a new one from the form. */
    public void restart() {
        Optional<LiveRun<?, F>> next = page.prepare();
        if (next.isEmpty()) return;
        hideNotice();
        if (current != null) current.stop();
        current = next.get();
        madeEarlier = null;
        launch();
    }

    /**
     * Shows a finished result that needs no run, e.g. one the server made earlier for the same settings, in place of
     * this tab's run (which stops); {@code note} says where it came from. Called from {@link Page#prepare}.
     */
    public void showMadeEarlier(F frame, String note) {
        hideNotice();
        if (current != null) current.stop();
        current = null;
        madeEarlier = frame;
        stopPolling();
        page.show(frame);
        progress.setValue(Math.max(0, Math.min(1, page.progress(frame))));
        status.setText("Done: " + page.describe(frame) + " · " + note);
        updateButtons();
    }

    public void stop() {
        if (current != null) current.stop();
    }

    private void resume() {
        if (current != null && !current.isActive() && !current.isFinished()) launch();
    }

    private void launch() {
        UI ui = UI.getCurrent();
        LiveRun<?, F> r = current;
        try {
            r.start(frame -> offer(ui, r, frame)).whenComplete((ok, error) -> UiAccess.later(ui, () -> ended(r, error)));
        } catch (RejectedExecutionException e) {
            showNotice("The server is busy with other students' work. Please try again in a moment.");
            updateButtons();
            return;
        }
        int position = r.queuePosition();
        status.setText(position > 0 ? waiting(position) : "Starting…");
        stopPolling();
        // while waiting in the server's queue no frames come: poll once a second to show the place in the queue
        ui.setPollInterval(position > 0 ? 1000 : -1);
        if (position > 0) queuePoll = ui.addPollListener(e -> {
            if (current == r && r.queuePosition() > 0) status.setText(waiting(r.queuePosition()));
        });
        updateButtons();
    }

    private void stopPolling() {
        if (queuePoll != null) queuePoll.remove();
        queuePoll = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private static String waiting(int position) {
        return "Waiting for a free slot on the server: number " + position + " in the queue…";
    }

    /** On the job's thread: keep only the newest frame and schedule one UI update for it. */
    private void offer(UI ui, LiveRun<?, F> from, F frame) {
        pending.set(frame);
        if (updateScheduled.compareAndSet(false, true)) {
            UiAccess.later(ui, () -> {
                updateScheduled.set(false);
                F f = pending.getAndSet(null);
                if (f != null && current == from) {
                    ui.setPollInterval(-1);
                    display(f);
                }
            });
        }
    }

    private void ended(LiveRun<?, F> r, Throwable error) {
        if (r != current) return;
        Throwable cause = Failure.cause(error);   // null when the job ended normally
        if (cause != null && !(cause instanceof CancellationException)) {
            showNotice("This run failed (reference " + Failure.logged(LOG, r.state().what(), cause) + "). Please try again or change the settings.");
        }
        r.latest().ifPresent(this::display);
        updateButtons();
    }

    private void display(F f) {
        page.show(f);
        progress.setValue(Math.max(0, Math.min(1, page.progress(f))));
        String state = current != null && current.isFinished() ? "Done" : current != null && !current.isActive() ? "Stopped" : "Running";
        status.setText(state + ": " + page.describe(f));
        updateButtons();
    }

    private void updateButtons() {
        boolean active = current != null && current.isActive();
        // the last frame (status "Done") reaches the page just before the job's future completes: nothing to stop then
        stop.setEnabled(active && !current.isFinished());
        resume.setEnabled(current != null && !active && !current.isFinished() && current.latest().isPresent());
        run.setText(current == null && madeEarlier == null ? "Run" : "Restart");
        onChange.run();
    }

    public void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /** A message from a settings check ("octaves must be 1..6") shown as a sentence. */
    public void showProblem(String message) {
        showNotice(message.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + message.substring(1) + ".");
    }

    public void hideNotice() {
        notice.setVisible(false);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // the tab closed or navigated away: free the slot at once
        if (current != null) current.stop();
        detachEvent.getUI().setPollInterval(-1);
    }

    public String statusText() {
        return status.getText();
    }

    public String noticeText() {
        return notice.isVisible() ? notice.getText() : "";
    }

    /**
     * The body every run page (features, dream, style) shares: its controls card on the left and, in the centre, the
     * run panel and what the run makes (pictures, downloads, charts), in the order given.
     */
    public static FlexLayout besideControls(Component controls, Component... centre) {
        Div middle = new Div(centre);
        middle.addClassName("lab-centre");
        FlexLayout body = new FlexLayout(controls, middle);
        body.addClassName("lab-controls-beside-result");
        return body;
    }
}
