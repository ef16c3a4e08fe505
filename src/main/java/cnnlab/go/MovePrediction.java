package cnnlab.go;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A policy network's opinion of a position: a probability for every point, with illegal points (occupied, suicide,
 * ko) set to zero and the rest renormalised, so the heat map and the top moves only ever show moves one may play.
 */
public record MovePrediction(float[] probabilities) {
    /** One point and its probability. */
    public record Candidate(int point, float probability) {
        public String coordinate() {
            return Board.coordinate(point / Board.SIZE, point % Board.SIZE);
        }
    }

    /** Runs {@code net} (not thread-safe: the caller owns it) on {@code board} for the player to move. */
    public static MovePrediction of(MultiLayerNetwork net, Board board) {
        INDArray x = Nd4j.create(FeaturePlanes.of(board), new long[] {1, FeaturePlanes.PLANES, Board.SIZE, Board.SIZE}, 'c');
        float[] raw = net.output(x).dup('c').data().asFloat();
        return masked(raw, board);
    }

    /** Zeroes illegal points and renormalises (uniform over legal points if the network put ~0 on all of them). */
    static MovePrediction masked(float[] raw, Board board) {
        float[] p = new float[Board.POINTS];
        double sum = 0;
        int legal = 0;
        for (int i = 0; i < Board.POINTS; i++) {
            if (board.isLegal(Move.at(board.toPlay(), i / Board.SIZE, i % Board.SIZE))) {
                p[i] = Math.max(0f, raw[i]);
                sum += p[i];
                legal++;
            }
        }
        for (int i = 0; i < Board.POINTS; i++) {
            if (sum > 1e-12) p[i] /= sum;
            else if (board.at(i) == Stone.EMPTY && board.isLegal(Move.at(board.toPlay(), i / Board.SIZE, i % Board.SIZE))) p[i] = 1f / legal;
        }
        return new MovePrediction(p);
    }

    /** Where {@code point} stands among the legal moves, 1 = the network's favourite; 0 if it is not legal here. */
    public int rank(int point) {
        if (probabilities[point] <= 0) return 0;
        int better = 0;
        for (float p : probabilities) if (p > probabilities[point]) better++;
        return better + 1;
    }

    public List<Candidate> top(int k) {
        List<Candidate> all = new ArrayList<>();
        IntStream.range(0, probabilities.length).filter(i -> probabilities[i] > 0).forEach(i -> all.add(new Candidate(i, probabilities[i])));
        all.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }
}
