package cnnlab.go;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Java side of {@code frontend/go-board.ts}: a board drawn as SVG in the browser, with an optional heat map of move
 * probabilities and numbered top moves. The position travels as 361 characters, the heat map as 361 bytes.
 */
@Tag("go-board")
@JsModule("./go-board.ts")
public class GoBoard extends Component {
    private String stones = ".".repeat(Board.POINTS);
    private List<Integer> marks = List.of();

    public GoBoard(int pixels, boolean interactive) {
        getElement().setProperty("size", pixels);
        getElement().setProperty("interactive", interactive);
    }

    /** Shows {@code board}'s stones, its last move and (for the hover stone) the side to move. */
    public void show(Board board) {
        StringBuilder s = new StringBuilder(Board.POINTS);
        for (int p = 0; p < Board.POINTS; p++) s.append(board.at(p) == Stone.BLACK ? 'b' : board.at(p) == Stone.WHITE ? 'w' : '.');
        stones = s.toString();
        getElement().setProperty("stones", stones);
        List<Move> moves = board.moves();
        Move last = moves.isEmpty() ? null : moves.get(moves.size() - 1);
        getElement().setProperty("last", last == null || last.isPass() ? -1 : last.point());
        getElement().setProperty("toPlay", board.toPlay() == Stone.BLACK ? "b" : "w");
    }

    /**
     * Shades every point by its probability (scaled so that the most likely move is the brightest) and numbers the
     * top moves, best first; an empty prediction clears both.
     */
    public void showPrediction(float[] probabilities, List<Integer> top) {
        marks = List.copyOf(top);
        float max = 0;
        for (float p : probabilities) max = Math.max(max, p);
        byte[] q = new byte[probabilities.length];
        // a gentle power keeps the runners-up visible next to a dominant move; points under 3% of it stay bare wood
        for (int i = 0; i < q.length; i++) {
            double v = max > 0 ? probabilities[i] / max : 0;
            q[i] = (byte) (v < 0.03 ? 0 : Math.max(1, Math.round(255 * Math.pow(v, 0.7))));
        }
        getElement().setProperty("heat", probabilities.length == Board.POINTS ? Base64.getEncoder().encodeToString(q) : "");
        getElement().setProperty("marks", top.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    public void clearPrediction() {
        showPrediction(new float[0], List.of());
    }

    /** Draws a ring on {@code point} (-1: none), e.g. the move the professional played next. */
    public void setRing(int point) {
        getElement().setProperty("ring", point);
    }

    /** The stones shown, one character per point ('.', 'b', 'w'), row 0 (the top, "19") first. */
    public String shownStones() {
        return stones;
    }

    public List<Integer> shownMarks() {
        return marks;
    }

    /** Clicks on an intersection of an interactive board. */
    public Registration addPointClickListener(IntConsumer listener) {
        return getElement().addEventListener("point-click", e -> listener.accept((int) e.getEventData().getNumber("event.detail.point")))
                .addEventData("event.detail.point");
    }
}
