package cnnlab.go;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanesAndSymmetryTest {
    @Test
    void planesOfAHandBuiltPositionFromTheMoversSide() {
        // black: a two-stone group at dd-ed (liberties: cd, fd, dc, ec, de, ee = 6) and a lone stone at aa (2 liberties)
        // white: a stone at ba touching aa (liberties: ca, bb = 2) and one at pp (4); black to play
        Board b = BoardTest.position("dd ed aa", "ba pp", Stone.BLACK);
        float[] x = FeaturePlanes.of(b);
        int n = Board.POINTS;
        int dd = 3 * 19 + 3, aa = 0, ba = 1, pp = 15 * 19 + 15, empty = 10 * 19 + 10;
        assertEquals(1f, x[dd]);                 // own
        assertEquals(1f, x[n + ba]);             // opponent
        assertEquals(1f, x[2 * n + empty]);      // empty
        assertEquals(1f, x[5 * n + dd], "6 liberties -> 3+ plane");
        assertEquals(1f, x[3 * n + aa], "black aa: 1 liberty (ab) since ba is white");
        assertEquals(1f, x[4 * n + ba], "white ba: 2 liberties");
        assertEquals(1f, x[5 * n + pp]);
        for (int p = 0; p < n; p++) assertEquals(1f, x[6 * n + p]);
        float total = 0;
        for (int p = 0; p < n; p++) total += x[p] + x[n + p] + x[2 * n + p];
        assertEquals(n, total, "every point is own, opponent or empty");
        // white to play: the same position from the other side swaps the first two planes
        b.setToPlay(Stone.WHITE);
        float[] y = FeaturePlanes.of(b);
        assertEquals(1f, y[ba]);
        assertEquals(1f, y[n + dd]);
    }

    @Test
    void eachSymmetryIsABijectionWithAnInverse() {
        Set<String> distinct = new HashSet<>();
        for (Symmetry s : Symmetry.values()) {
            Set<Integer> images = new HashSet<>();
            StringBuilder signature = new StringBuilder();
            for (int p = 0; p < Board.POINTS; p++) {
                int q = s.apply(p);
                images.add(q);
                assertEquals(p, s.inverse().apply(q));
                if (p < 40) signature.append(q).append(',');
            }
            assertEquals(Board.POINTS, images.size(), s + " is one-to-one onto the board");
            assertEquals(s.apply(Board.POINTS / 2), Board.POINTS / 2, "the centre stays");
            distinct.add(signature.toString());
        }
        assertEquals(8, distinct.size(), "eight different symmetries");
        float[] planes = new float[2 * Board.POINTS];
        for (int i = 0; i < planes.length; i++) planes[i] = i;
        for (Symmetry s : Symmetry.values()) assertArrayEquals(planes, s.inverse().apply(s.apply(planes)));
        assertEquals(18, Symmetry.ROTATE_90.apply(0), "a quarter turn takes the top-left corner to the top-right");
    }
}
