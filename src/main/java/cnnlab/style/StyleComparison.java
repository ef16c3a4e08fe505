package cnnlab.style;

import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.Picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same content/style pair transferred by every feature network with the same settings, side by side: how the
 * default network was chosen (and the README's figure). Content and style are shown first for reference.
 */
public final class StyleComparison {
    /** One network's result: the picture, its final losses and the time per iteration. */
    public record Result(FeatureNetwork network, Picture picture, StyleLossValues losses, double secondsPerIteration) {
        public String line() {
            return String.format(Locale.ROOT, "network=%s content_loss=%.4f style_loss=%.6f s_per_iteration=%.3f",
                    network.id(), losses.content(), losses.style(), secondsPerIteration);
        }
    }

    private StyleComparison() { }

    public static List<Result> run(List<FeatureNetwork> networks, Picture content, Picture style, StyleSettings settings) {
        List<Result> results = new ArrayList<>();
        for (FeatureNetwork net : networks) {
            StyleTransfer t = new StyleTransfer(net, content, style, settings.withNetwork(net.id()));
            long start = System.nanoTime();
            while (!t.finished()) t.advance();
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(new Result(net, t.picture(), t.losses(), seconds / settings.iterations()));
            t.close();
        }
        return results;
    }

    /** Content, style, then each network's result in one row, each titled underneath. */
    public static BufferedImage figure(Picture content, Picture style, List<Result> results, int size) {
        List<Picture> pictures = new ArrayList<>(List.of(content.fitLongSide(size), style.fitLongSide(size)));
        List<String> titles = new ArrayList<>(List.of("content", "style"));
        for (Result r : results) {
            pictures.add(r.picture().withChannels(3));
            titles.add(r.network().title());
        }
        int gap = 8, label = 22, height = 0, width = gap;
        for (Picture p : pictures) {
            height = Math.max(height, p.height());
            width += p.width() + gap;
        }
        BufferedImage out = new BufferedImage(width, height + label + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x = gap;
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            g.drawImage(p.toImage(), x, gap, null);
            g.drawString(titles.get(i), x, gap + height + 16);
            x += p.width() + gap;
        }
        g.dispose();
        return out;
    }
}
