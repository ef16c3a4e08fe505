package cnnlab.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;

/**
 * How many threads one ND4J matrix product may use. The server's parallelism is across requests (the inference
 * thread, several gradient-ascent jobs), and the products here are small: measured on the 2-core lab machine, a
 * 12-image ascent step took 19 ms with OpenBLAS on 2 threads and 7 ms on 1 (thread hand-off costs more than the
 * arithmetic), so every process of the app runs BLAS single-threaded.
 */
public final class NativeThreads {
    private NativeThreads() { }

    public static void useOneBlasThread() {
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) blas.setMaxThreads(1);
    }
}
