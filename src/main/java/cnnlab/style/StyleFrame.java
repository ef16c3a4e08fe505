package cnnlab.style;

import cnnlab.vision.ImageBytes;
import cnnlab.vision.Picture;

import java.util.List;

/** What the page shows of a style transfer at one moment: the picture, a JPEG of it to push, the losses so far. */
public record StyleFrame(Picture picture, byte[] preview, int iteration, int iterations, List<StyleLossValues> history,
                         StyleLossValues losses, boolean finished) {
    public static StyleFrame of(StyleTransfer t) {
        Picture p = t.picture();
        return new StyleFrame(p, ImageBytes.jpeg(p.toImage(), 0.9f), t.iteration(), t.settings().iterations(), t.history(),
                t.losses(), t.finished());
    }
}
