package cnnlab.train;

import java.time.LocalDate;
import java.util.Locale;

/** The model card written next to a trained model: what it is, how to reproduce it, how well it does. */
final class ModelCard {
    private ModelCard() { }

    static String mnist(MnistTraining.Settings s, long params, int trainSize, int testSize, double accuracy,
                        double seconds, String command, LocalDate date) {
        return String.format(Locale.ROOT, """
                # mnist-cnn: the lecture's digit CNN

                **Architecture** (Hung-yi Lee 2020, "what does a CNN learn"): 28x28x1 -> conv 25 filters 3x3 + ReLU
                -> max-pool 2x2 -> conv 50 filters 3x3 + ReLU (11x11 maps) -> max-pool 2x2 -> dense 100 + ReLU
                -> dense 10 + softmax. %,d parameters. DL4J %s, CPU.

                | | |
                |---|---|
                | data | MNIST, full training set (%,d images), original IDX files (../shared/data/mnist, CC BY-SA 3.0, LeCun & Cortes) |
                | command | `%s` |
                | seed | %d |
                | epochs | %d, mini-batch %d |
                | optimiser | Adam, learning rate %.0e halved every 3 epochs |
                | augmentation | random shifts of up to %d pixels (zero fill) |
                | input | pixels in 0..1, 0 = background, row-major 28x28 |
                | **test accuracy** | **%.4f** on the %,d-image MNIST test set (`evaluate mnist --data DIR`) |
                | training time | %.0f s on this machine (2 cores) |
                | trained | %s |

                The test set was only reported after each epoch, never used to choose a model: the last epoch ships.
                """, params, "1.0.0-M2.1", trainSize, command, s.seed(), s.epochs(), s.batchSize(), s.learningRate(),
                s.maxShift(), accuracy, testSize, seconds, date);
    }
}
