package cnnlab.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Renders a {@link Drawing} the way the pad shows it: anti-aliased round-capped strokes, ink = 1. */
public final class StrokeRenderer {
    private StrokeRenderer() { }

    public static GrayImage render(Drawing drawing) {
        int w = drawing.width(), h = drawing.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            float pen = drawing.pen();
            g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (float[] xy : drawing.strokes()) {
                if (xy.length == 2) {   // a tap: a dot as wide as the pen
                    g.fill(new Ellipse2D.Float(xy[0] - pen / 2, xy[1] - pen / 2, pen, pen));
                    continue;
                }
                Path2D.Float path = new Path2D.Float();
                path.moveTo(xy[0], xy[1]);
                for (int i = 2; i < xy.length; i += 2) path.lineTo(xy[i], xy[i + 1]);
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        Raster r = img.getRaster();
        float[] px = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) px[y * w + x] = row[x] / 255f;
        }
        return new GrayImage(w, h, px);
    }
}
