package cnnlab.go;

import cnnlab.ui.ViewTest;
import cnnlab.server.Lab;
import cnnlab.ui.UiQueue;
import com.vaadin.flow.component.button.Button;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Go page without a browser: playing, replaying a built-in game, bad records and forged clicks, the first layer. */
class GoViewTest extends ViewTest {
    GoViewTest() {
        super(GoView.class);
    }

    private static GoView view() {
        return _get(GoView.class);
    }

    private static void click(GoBoard board, int point) {
        JsonObject data = Json.createObject();
        data.put("event.detail.point", point);
        _fireDomEvent(board, "point-click", data);
    }

    /** Waits until both panels show a prediction for exactly the position on the board. */
    private static void awaitPredictions() {
        UiQueue.await("both predictions", 30, () -> view().panels().values().stream().allMatch(p -> p.shown() != null
                && !p.getClassNames().contains("go-pending")
                && p.heatMap().shownStones().equals(view().board().shownStones())));
    }

    @Test
    void clickingPlaysAndBothNetworksAnswerForTheNewPosition() {
        GoView view = view();
        awaitPredictions();
        click(view.board(), 3 * 19 + 15);   // Q16
        assertEquals('b', view.board().shownStones().charAt(3 * 19 + 15));
        assertTrue(view.status().getText().startsWith("White to play · move 2"), view.status().getText());
        awaitPredictions();
        for (PolicyPanel p : view.panels().values()) {
            assertEquals(0f, p.shown().probabilities()[3 * 19 + 15], "no probability on the stone just played");
            assertEquals(5, p.heatMap().shownMarks().size());
        }
        click(view.board(), 3 * 19 + 15);
        assertEquals("Not allowed: Q16 is not empty.", view.message().getText());
        click(view.board(), 361);   // a forged event: ignored
        click(view.board(), -5);
        assertEquals(1, view.game().board().moves().size());
        _click(_get(Button.class, spec -> spec.withId("undo")));
        assertEquals('.', view.board().shownStones().charAt(3 * 19 + 15));
    }

    @Test
    void aNetworkSetToAnswerPlaysTheOtherSide() {
        GoView view = view();
        view.opponent().setValue(PolicyNet.UNPOOLED);
        click(view.board(), 3 * 19 + 3);   // D16
        UiQueue.await("the network's answer", 30, () -> view.game().board().moves().size() == 2);
        assertEquals(Stone.WHITE, view.game().board().moves().get(1).colour());
        awaitPredictions();
        assertEquals(2, view.game().board().moves().size(), "the network does not answer itself");
    }

    @Test
    void aBuiltInGameReplaysWithTheSliderAndShowsWhereTheProfessionalPlayed() {
        GoView view = view();
        BuiltInGames.BuiltInGame shusaku = view.builtIn().getListDataView().getItems().findFirst().orElseThrow();
        view.load(shusaku.record(), shusaku.title());
        view.goTo(60);
        assertEquals(60, view.game().recordMove());
        assertEquals(60, (int) Math.round(view.moveSlider().getValue()));
        awaitPredictions();
        Move pro = shusaku.record().moves().get(60);
        for (PolicyPanel p : view.panels().values()) {
            assertEquals(pro.point(), p.heatMap().getElement().getProperty("ring", -1));
            assertTrue(p.getChildren().anyMatch(c -> c.getElement().getText().startsWith("The professional played "
                    + Board.coordinate(pro.row(), pro.column()))));
        }
        _click(_get(Button.class, spec -> spec.withId("play-go-pooled")));   // the pooled network plays
        assertEquals(61, view.game().board().moves().size());
        view.goTo(10);
        assertEquals(10, view.game().board().moves().size(), "the slider returns to the record");
    }

    @Test
    void aBadRecordGetsAClearMessageAndEscapedTextStaysText() {
        GoView view = view();
        view.loadUpload("evil.sgf", "<img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertTrue(view.message().getText().startsWith("That file is not a game record we can read"), view.message().getText());
        view.loadUpload("names.sgf", "(;PB[<b>Bold</b>]PW[Shift-JIS \u0082\u00a0];B[pd];W[dp])".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(2, view.game().recordLength());
        assertTrue(view.game().title().startsWith("names.sgf: <b>Bold</b> (B) vs "), view.game().title());
        assertTrue(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("move-label")).getText().contains("<b>Bold</b>"),
                "markup in a record is shown as text");
        view.loadUpload("empty.sgf", new byte[0]);
        assertTrue(view.message().getText().startsWith("That file is not a game record"), view.message().getText());
        assertEquals(2, view.game().recordLength(), "the game on the board is kept");
    }

    @Test
    void whatTheNetworkSeesShowsThePlanesAndTheFirstLayer() {
        GoView view = view();
        click(view.board(), 60);   // Black on D17; White to play
        _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("sees")).setOpened(true);
        UiQueue.await("first layer", 30, () -> view.sees().maps().isShowing() && view.sees().filter().isShowing());
        float[] planes = view.sees().planes().shownValues();
        assertEquals(0f, planes[60], "seen from White, the black stone is not its own");
        assertEquals(1f, planes[Board.POINTS + 60], "it is the opponent's");
        assertEquals(1f, planes[6 * Board.POINTS + 200], "the plane of ones");
        assertEquals(PolicyNet.FILTERS * Board.POINTS, view.sees().maps().shownValues().length);

        JsonObject data = Json.createObject();
        data.put("event.detail.index", 9);
        _fireDomEvent(view.sees().maps(), "map-click", data);
        GoService.FirstLayer layer = Lab.current().go().firstLayer(view.sees().network(), view.game().board());
        assertTrue(java.util.Arrays.equals(layer.filter(9), view.sees().filter().shownValues()), "filter 9's weights");
        data.put("event.detail.index", 999);   // forged: ignored
        _fireDomEvent(view.sees().maps(), "map-click", data);
        assertTrue(java.util.Arrays.equals(layer.filter(9), view.sees().filter().shownValues()));
    }
}
