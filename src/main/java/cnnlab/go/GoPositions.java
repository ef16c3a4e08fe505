package cnnlab.go;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training examples for the policy networks: every position of the games before a (non-pass) move, with the point the
 * professional played. Stored as 361 bytes each (the planes are computed per batch: 2,500 games make ~500,000
 * positions, which as float planes would take 5 GB).
 */
public final class GoPositions {
    /** The stones (0 empty, 1 black, 2 white), who is to play, and the point played (the label). */
    public record Position(byte[] stones, Stone toPlay, int played) {
        public Board board() {
            Board b = new Board();
            for (int p = 0; p < Board.POINTS; p++) {
                if (stones[p] != 0) b.setup(stones[p] == 1 ? Stone.BLACK : Stone.WHITE, p / Board.SIZE, p % Board.SIZE);
            }
            b.setToPlay(toPlay);
            return b;
        }
    }

    private final List<Position> positions;

    private GoPositions(List<Position> positions) {
        this.positions = positions;
    }

    /** Replays every game; a game whose record breaks the rules is cut at that move. */
    public static GoPositions of(GoGames games) {
        List<Position> list = new ArrayList<>();
        for (GoGames.Game g : games.games()) {
            Board b;
            try {
                b = g.record().positionAfter(0);
            } catch (IllegalMove e) {
                continue;
            }
            for (Move m : g.record().moves()) {
                if (m.colour() != b.toPlay()) b.setToPlay(m.colour());   // records with two moves in a row by one side
                if (!m.isPass()) list.add(new Position(stones(b), b.toPlay(), m.point()));
                try {
                    b.play(m);
                } catch (IllegalMove e) {
                    break;
                }
            }
        }
        return new GoPositions(list);
    }

    private static byte[] stones(Board b) {
        byte[] s = new byte[Board.POINTS];
        for (int p = 0; p < Board.POINTS; p++) s[p] = (byte) (b.at(p) == Stone.BLACK ? 1 : b.at(p) == Stone.WHITE ? 2 : 0);
        return s;
    }

    public int size() {
        return positions.size();
    }

    public Position get(int i) {
        return positions.get(i);
    }

    /**
     * A batch of the examples at {@code indices}: features [n,7,19,19], one-hot labels [n,361]; with {@code augment}
     * each example is turned by a random one of the 8 board symmetries (labels turned with it).
     */
    public DataSet batch(int[] indices, boolean augment, Random rng) {
        int n = indices.length;
        float[] x = new float[n * FeaturePlanes.PLANES * Board.POINTS], y = new float[n * Board.POINTS];
        for (int i = 0; i < n; i++) {
            Position p = positions.get(indices[i]);
            float[] planes = FeaturePlanes.of(p.board());
            int label = p.played;
            if (augment) {
                Symmetry s = Symmetry.values()[rng.nextInt(8)];
                planes = s.apply(planes);
                label = s.apply(label);
            }
            System.arraycopy(planes, 0, x, i * planes.length, planes.length);
            y[i * Board.POINTS + label] = 1f;
        }
        INDArray features = Nd4j.create(x, new long[] {n, FeaturePlanes.PLANES, Board.SIZE, Board.SIZE}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {n, Board.POINTS}, 'c');
        return new DataSet(features, labels);
    }
}
