package cnnlab.style;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The three terms of Gatys et al.'s style transfer as SameDiff expressions, each made scale-free by its target so
 * that one set of weights suits every feature network (raw activations of MobileNet and of random filters differ by
 * orders of magnitude):
 * <ul>
 *   <li>content: mean (F - P)^2 / mean P^2, F the picture's filter outputs on one layer, P the content image's;</li>
 *   <li>style: mean (G - A)^2 / mean A^2 per layer, G = F^T F / positions the Gram matrix (how filters co-fire,
 *       wherever they are), A the style image's;</li>
 *   <li>total variation: mean squared difference of neighbouring pixels (keeps noise out).</li>
 * </ul>
 */
public final class StyleLosses {
    private StyleLosses() { }

    /** Gram matrix [c,c] of feature maps [1,h,w,c]: entry (i,j) is the mean over positions of a_i * a_j. */
    public static SDVariable gram(SameDiff sd, SDVariable features, long positions, long channels) {
        SDVariable f = sd.reshape(features, positions, channels);
        return sd.mmul(f, f, true, false, false).div(positions);
    }

    /** The same Gram matrix computed directly on an array, for the fixed style targets. */
    public static INDArray gram(INDArray features) {
        long[] s = features.shape();
        long positions = s[0] * s[1] * s[2], channels = s[3];
        INDArray f = features.dup('c').reshape(positions, channels);
        return f.transpose().mmul(f).divi(positions);
    }

    public static SDVariable content(SameDiff sd, SDVariable features, INDArray target) {
        double scale = target.mul(target).meanNumber().doubleValue() + 1e-8;
        return sd.math().squaredDifference(features, sd.constant(target)).mean().div(scale);
    }

    public static SDVariable style(SameDiff sd, SDVariable features, INDArray targetGram, long positions) {
        double scale = targetGram.mul(targetGram).meanNumber().doubleValue() + 1e-8;
        SDVariable g = gram(sd, features, positions, targetGram.size(0));
        return sd.math().squaredDifference(g, sd.constant(targetGram)).mean().div(scale);
    }

    /** Mean squared difference between vertically and horizontally neighbouring pixels of [1,h,w,c]. */
    public static SDVariable totalVariation(SameDiff sd, SDVariable pixels, int height, int width) {
        SDVariable down = pixels.get(SDIndex.all(), SDIndex.interval(1, height), SDIndex.all(), SDIndex.all())
                .sub(pixels.get(SDIndex.all(), SDIndex.interval(0, height - 1), SDIndex.all(), SDIndex.all()));
        SDVariable right = pixels.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, width), SDIndex.all())
                .sub(pixels.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, width - 1), SDIndex.all()));
        return down.mul(down).mean().add(right.mul(right).mean());
    }
}
