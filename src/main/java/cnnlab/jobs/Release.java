package cnnlab.jobs;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Frees ND4J arrays as soon as a step has read them. Their memory lives off the Java heap and is otherwise returned
 * only when the garbage collector happens to run: a 512 px style transfer held 3-4 GB of such garbage.
 */
public final class Release {
    private Release() { }

    @SafeVarargs
    public static void all(Map<String, INDArray>... maps) {
        for (Map<String, INDArray> m : maps) {
            for (INDArray a : m.values()) {
                if (a != null && a.closeable()) a.close();
            }
        }
    }
}
