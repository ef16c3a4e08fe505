package cnnlab.style;

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
import cnnlab.vision.FeatureNetwork;
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

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Deep Style (lecture section 3): the content of one picture drawn in the style of another, by optimising the
 * picture so its filter outputs match the content image's and its filter correlations (Gram matrices) the style
 * image's. A thin view over {@link StyleService}.
 */
@Route("style")
@PageTitle("Deep Style · CNN Lab")
@Menu(title = "Deep Style", order = 4, icon = "vaadin:paintbrush")
public class StyleView extends Div implements RunPanel.Page<StyleFrame> {
    private final StyleService service = Lab.current().style();
    private final StyleControls controls = new StyleControls(service.networks());
    private final ImageSourcePicker content = new ImageSourcePicker("Content", "content",
            BuiltInImage.byId("tubingen").orElseThrow(), choice -> showContent());
    private final ImageSourcePicker style = new ImageSourcePicker("Style", "style",
            BuiltInImage.byId("starry-night").orElseThrow(), choice -> { });
    private final RunPanel<StyleFrame> runPanel = new RunPanel<>(this);
    /** The names of the pictures the current run started from (the pickers may have changed since). */
    private String runPictures = "";
    private final Image picture = new Image();
    private final Paragraph lossText = new Paragraph();
    private final LossChart chart = new LossChart();
    private final Anchor png = DownloadLink.of("Result as PNG", "png",
            () -> runPanel.latest().map(f -> ImageBytes.png(f.picture().toImage())), "style.png", "image/png");
    private final SaveToGallery save = new SaveToGallery(() -> runPanel.latest().map(f -> new SaveToGallery.Snapshot(Kind.STYLE,
            details(f), "style", () -> ImageBytes.png(f.picture().toImage()))));

    public StyleView() {
        addClassName("lab-page");
        Paragraph lead = new Paragraph("The lecture's Deep Style (Gatys et al. 2015): the content of one picture is what "
                + "a layer's filters output on it; the style of another is how its filters fire TOGETHER, wherever they "
                + "are: the correlations between filters (Gram matrices) on several layers. Starting from the content "
                + "image (or noise), the picture is optimised to keep the first and take on the second.");
        lead.addClassName("lab-lead");
        add(new H2("Deep Style"), lead, body());
        runPanel.onChange(() -> {
            png.setEnabled(runPanel.latest().isPresent());
            save.setEnabled(runPanel.latest().isPresent());
        });
        showContent();
    }

    /** Before a run the page shows the content image that will be restyled. */
    private void showContent() {
        if (runPanel.current().map(r -> r.isActive()).orElse(false)) return;
        picture.setSrc(content.previewUrl(StyleSettings.DEFAULT_SIZE));
        lossText.setText("The content image: press Run to restyle it.");
    }

    private FlexLayout body() {
        Div sources = new Div(content, style);
        sources.addClassName("lab-sources");
        Div left = new Div(controls);
        left.addClassNames("lab-card", "lab-controls-card");
        picture.setId("style-picture");
        picture.setAlt("the stylised picture");
        picture.addClassName("lab-live-picture");
        lossText.setId("losses");
        lossText.addClassName("lab-caption");
        chart.setId("curve");
        Div pictureCard = new Div(picture, lossText);
        pictureCard.addClassNames("lab-card", "lab-picture-card");
        Div chartCard = new Div(new H4("Losses over the iterations (log scale)"), chart,
                Caption.of("Unweighted, each relative to its target's size: 1 means 'as far off as the target is large'. "
                        + "The optimiser minimises content + weight x style + weight x smoothness."));
        chartCard.addClassNames("lab-card", "lab-curve-card");
        Div downloads = new Div(png, save);
        downloads.addClassName("lab-downloads");
        return RunPanel.besideControls(left, sources, runPanel, pictureCard, downloads, chartCard);
    }

    @Override
    public Optional<LiveRun<?, StyleFrame>> prepare() {
        try {
            StyleSettings settings = controls.read();
            FeatureNetwork net = service.networks().require(settings.network());
            var run = service.prepare(settings, content.value().picture(net.channels()), style.value().picture(net.channels()));
            runPictures = content.value().label() + " in the style of " + style.value().label();
            return Optional.of(run);
        } catch (IllegalArgumentException e) {
            runPanel.showProblem(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void show(StyleFrame f) {
        picture.setSrc(ImageBytes.dataUrl(f.preview(), "image/jpeg"));
        StyleLossValues l = f.losses();
        lossText.setText(String.format(Locale.ROOT, "%d x %d px · content %.3f · style %.4f · smoothness %.4f · total %.3f",
                f.picture().width(), f.picture().height(), l.content(), l.style(), l.totalVariation(), l.total()));
        List<StyleLossValues> h = f.history();
        chart.show(List.of(
                new LossChart.Series("content", "content", h.stream().mapToDouble(StyleLossValues::content).toArray()),
                new LossChart.Series("style", "style", h.stream().mapToDouble(StyleLossValues::style).toArray())),
                f.iterations(), true);
    }

    /** Content and style pictures, network and progress of the run that made {@code f}. */
    private String details(StyleFrame f) {
        String network = runPanel.current().map(r -> ((StyleTransfer) r.state()).settings().network() + " · ").orElse("");
        return runPictures + " · " + network + describe(f);
    }

    @Override
    public String describe(StyleFrame f) {
        return "iteration " + f.iteration() + " / " + f.iterations();
    }

    @Override
    public double progress(StyleFrame f) {
        return (double) f.iteration() / Math.max(1, f.iterations());
    }

    // --- package-private accessors for browserless tests
    StyleControls controls() {
        return controls;
    }

    ImageSourcePicker content() {
        return content;
    }

    ImageSourcePicker style() {
        return style;
    }

    RunPanel<StyleFrame> runPanel() {
        return runPanel;
    }
}
