package cnnlab.dream;

import cnnlab.vision.AnimatedGif;
import cnnlab.gallery.Kind;
import cnnlab.gallery.SaveToGallery;
import cnnlab.jobs.LiveRun;
import cnnlab.Lab;
import cnnlab.ui.DownloadLink;
import cnnlab.vision.ImageSourcePicker;
import cnnlab.ui.LossChart;
import cnnlab.ui.Caption;
import cnnlab.ui.RunPanel;
import cnnlab.vision.BuiltInImage;
import cnnlab.vision.ImageBytes;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Deep Dream (lecture section 2): pick a picture, a network and a layer; the picture is changed, live, so that the
 * layer's filters respond more strongly to what they already see. A thin view over {@link DreamService}.
 */
@Route("dream")
@PageTitle("Deep Dream · CNN Lab")
@Menu(title = "Deep Dream", order = 3, icon = "vaadin:cloud")
public class DreamView extends Div implements RunPanel.Page<DreamFrame> {
    private final DreamService service = Lab.current().dream();
    private final DreamControls controls = new DreamControls(service.networks());
    private final ImageSourcePicker source = new ImageSourcePicker("Picture to dream on", "source",
            BuiltInImage.byId("chelsea").orElseThrow(), choice -> showSource());
    private final RunPanel<DreamFrame> runPanel = new RunPanel<>(this);
    /** The name of the picture the current run dreams on (the picker may have changed since). */
    private String runPicture = "";
    private final Image picture = new Image();
    private final Paragraph pictureCaption = new Paragraph();
    private final LossChart curve = new LossChart();
    private final Anchor png = DownloadLink.of("Dream as PNG", "png", () -> latest().map(f -> ImageBytes.png(f.picture().toImage())), "dream.png", "image/png");
    private final Anchor gif = DownloadLink.of("Dreaming as GIF", "gif", this::gifBytes, "dream.gif", "image/gif");
    private final SaveToGallery save = new SaveToGallery(() -> latest().map(f -> new SaveToGallery.Snapshot(Kind.DREAM,
            details(f), "dream", () -> ImageBytes.png(f.picture().toImage()))));

    public DreamView() {
        addClassName("lab-page");
        Paragraph lead = new Paragraph("The lecture's Deep Dream: take a picture and change it so that a layer's filters "
                + "see even more of what they already see: positive activations made more positive, negative more "
                + "negative (ascend on Σ a², or on a · sign(a)). Done at several sizes (octaves), smallest first, with "
                + "the picture shifted at random between steps, as in the original DeepDream. A network trained on "
                + "photos grows the patterns it knows; the digit network grows pen strokes.");
        lead.addClassName("lab-lead");
        add(new H2("Deep Dream"), lead, body());
        runPanel.onChange(this::updateDownloads);
        showSource();
    }

    /** Before a run (or when the picture changes while none runs) the page shows the picture to dream on. */
    private void showSource() {
        if (runPanel.current().map(r -> r.isActive()).orElse(false)) return;
        picture.setSrc(source.previewUrl(DreamSettings.DEFAULT_SIZE));
        pictureCaption.setText("The picture to dream on: press Run.");
    }

    private FlexLayout body() {
        Div left = new Div(source, controls);
        left.addClassNames("lab-card", "lab-controls-card");
        picture.setId("dream-picture");
        picture.setAlt("the dream");
        picture.addClassName("lab-live-picture");
        pictureCaption.addClassName("lab-caption");
        curve.setId("curve");
        Div pictureCard = new Div(picture, pictureCaption);
        pictureCard.addClassNames("lab-card", "lab-picture-card");
        Div curveCard = new Div(new H4("Objective over the steps"), curve,
                Caption.of("Mean of the measure over the chosen filters. It dips at each new octave (the picture is enlarged, its detail blurred) and climbs again; random shifts make it jitter."));
        curveCard.addClassNames("lab-card", "lab-curve-card");
        Div downloads = new Div(png, gif, save);
        downloads.addClassName("lab-downloads");
        return RunPanel.besideControls(left, runPanel, pictureCard, downloads, curveCard);
    }

    @Override
    public Optional<LiveRun<?, DreamFrame>> prepare() {
        try {
            DreamSettings settings = controls.read();
            var net = service.networks().require(settings.network());
            var run = service.prepare(settings, source.value().picture(net.channels()));
            runPicture = source.value().label();
            return Optional.of(run);
        } catch (IllegalArgumentException e) {
            runPanel.showProblem(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void show(DreamFrame f) {
        picture.setSrc(ImageBytes.dataUrl(f.preview(), "image/jpeg"));
        pictureCaption.setText(f.picture().width() + " x " + f.picture().height() + " px");
        List<Double> all = new ArrayList<>();
        for (List<Double> o : f.objectives()) all.addAll(o);
        curve.show(List.of(new LossChart.Series("objective", "objective", all.stream().mapToDouble(Double::doubleValue).toArray())),
                f.totalSteps(), false);
    }

    @Override
    public String describe(DreamFrame f) {
        String objective = Double.isNaN(f.objective()) ? "" : String.format(Locale.ROOT, " · objective %.3f", f.objective());
        return String.format(Locale.ROOT, "octave %d / %d · step %d / %d%s", f.octave() + 1, f.octaves(), f.step(), f.totalSteps(), objective);
    }

    @Override
    public double progress(DreamFrame f) {
        return (double) f.step() / Math.max(1, f.totalSteps());
    }

    private Optional<DreamFrame> latest() {
        return runPanel.latest();
    }

    private Optional<byte[]> gifBytes() {
        return runPanel.current().map(r -> ((Dream) r.state()).film()).filter(f -> !f.isEmpty())
                .map(film -> AnimatedGif.encode(film, 150, 1500));
    }

    private void updateDownloads() {
        boolean has = latest().isPresent();
        png.setEnabled(has);
        gif.setEnabled(has);
        save.setEnabled(has);
    }

    /** Network, layer and progress of the run that made {@code f}. */
    private String details(DreamFrame f) {
        String run = runPanel.current().map(r -> ((Dream) r.state()).settings())
                .map(s -> s.network() + " · " + s.layer() + " · filters " + s.filters() + " · ").orElse("");
        return runPicture + " · " + run + describe(f).replaceAll(" · objective.*", "");
    }

    // --- package-private accessors for browserless tests
    DreamControls controls() {
        return controls;
    }

    ImageSourcePicker source() {
        return source;
    }

    RunPanel<DreamFrame> runPanel() {
        return runPanel;
    }
}
