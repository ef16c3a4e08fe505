package cnnlab.go;

import cnnlab.ui.ViewTest;
import cnnlab.Lab;
import cnnlab.ui.UiQueue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

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

    /** Uploads {@code file} as the page's upload handler does, and waits until the page shows {@code what}. */
    private static void upload(String name, byte[] file, String what, java.util.function.BooleanSupplier shown) {
        view().loadUpload(UI.getCurrent(), name, file);
        UiQueue.await(what, 30, shown);
    }

    @Test
    void aBadRecordGetsAClearMessageAndEscapedTextStaysText() {
        GoView view = view();
        upload("evil.sgf", "<img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8), "the message",
                () -> view.message().getText().startsWith("That file is not a game record we can read"));
        upload("names.sgf", "(;PB[<b>Bold</b>]PW[Shift-JIS \u0082\u00a0];B[pd];W[dp])".getBytes(StandardCharsets.ISO_8859_1), "the game",
                () -> view.game().recordLength() == 2);
        assertTrue(view.game().title().startsWith("names.sgf: <b>Bold</b> (B) vs "), view.game().title());
        assertTrue(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("move-label")).getText().contains("<b>Bold</b>"),
                "markup in a record is shown as text");
        upload("empty.sgf", new byte[0], "the message", () -> view.message().getText().startsWith("That file is not a game record"));
        assertEquals(2, view.game().recordLength(), "the game on the board is kept");
    }

    @Test
    void aSetupStoneBombIsRefusedWithASentence() {
        // issue 19: 1 MB of "[aa:ss]" after AB kept the page's thread 23-32 s and 1.45 GB of heap busy
        GoView view = view();
        byte[] bomb = ("(;GM[1]SZ[19]AB" + "[aa:ss]".repeat(142_000) + ")").getBytes(StandardCharsets.US_ASCII);
        upload("bomb.sgf", bomb, "the refusal", () -> !view.message().getText().isEmpty());
        assertEquals("That file is not a game record we can read: The record sets up more than " + Sgf.MAX_SETUP_POINTS
                + " stones (AB/AW), ten full boards' worth.", view.message().getText());
        assertTrue(view.game().record().isEmpty(), "nothing was loaded");
    }

    @Test
    void aRecordArrivingWhileTheServerIsFullGetsABusyMessage() throws Exception {
        GoView view = view();
        CountDownLatch release = new CountDownLatch(1);
        java.util.List<CompletableFuture<Object>> held = new java.util.ArrayList<>();
        try {
            // the shared quick-job pool, as much of it as this session may hold, taken by jobs that wait for the latch
            CompletableFuture<Object> last;
            int taken = 0;
            do {
                last = Lab.current().jobs().submit(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return CompletableFuture.completedFuture(null);
                });
                if (!last.isCompletedExceptionally()) held.add(last);
            } while (!last.isCompletedExceptionally() && ++taken < 10_000);
            upload("shusaku.sgf", SgfTest.resource("shusaku-001.sgf").getBytes(StandardCharsets.UTF_8), "the message",
                    () -> !view.message().getText().isEmpty());
            assertEquals("The server is busy: try the file again in a moment.", view.message().getText());
        } finally {
            release.countDown();
        }
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(30, java.util.concurrent.TimeUnit.SECONDS);   // the pool is free again
        upload("shusaku.sgf", SgfTest.resource("shusaku-001.sgf").getBytes(StandardCharsets.UTF_8), "the game",
                () -> view.game().recordLength() == 191);
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
