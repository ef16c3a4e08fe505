package cnnlab.go;

import cnnlab.Lab;
import cnnlab.ui.Failure;
import cnnlab.ui.LimitedUpload;
import cnnlab.ui.Caption;
import cnnlab.ui.NewestReading;
import cnnlab.ui.Slider;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * "Go" (lecture section 4.1): a board to play on or to replay a historical game on, and two policy networks side by
 * side on every position, one without pooling (AlphaGo) and one with it. Thin over {@link GameOnBoard} (the rules and
 * the record) and {@link GoService} (the networks, on the server's job pool); the position on the board is read as
 * the {@link NewestReading}, so the heat maps never answer a position the student has already left.
 */
@Route("go")
@PageTitle("Go · CNN Lab")
@Menu(title = "Go", order = 6, icon = "vaadin:grid-small")
public class GoView extends Div {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GoView.class);
    private static final String TOO_LARGE = "That file is larger than 1 MB: a game record is a few kilobytes.";
    private final GoService go = Lab.current().go();
    private final GameOnBoard game = new GameOnBoard();
    private final GoBoard board = new GoBoard(400, true);
    private final Paragraph status = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final Button undo = new Button("Undo");
    private final Select<BuiltInGames.BuiltInGame> builtIn = new Select<>();
    private final Slider moveSlider = new Slider(0, 1, 1, 0);
    private final Span moveLabel = new Span();
    private final Div replay = new Div();
    private final Upload upload = new Upload();
    private final Map<PolicyNet, PolicyPanel> panels = new EnumMap<>(PolicyNet.class);
    private final NetworkSees sees;
    private final Details seesDetails;

    private final Select<PolicyNet> opponent = new Select<>();
    private boolean replyDue;   // the user just moved and a network is set to answer

    private final NewestReading<PositionReading> reading = NewestReading.on(this);

    public GoView() {
        addClassName("lab-page");
        H2 title = new H2("Go: why AlphaGo's network has no pooling");
        Paragraph lead = new Paragraph("A Go board suits convolution: what matters is local shapes of stones, and the same "
                + "shape means the same anywhere on the board. But it does not suit pooling: dropping every other row and "
                + "column blurs exactly which point to play. AlphaGo's policy network has no pooling. Below, two networks "
                + "trained on the same professional games with the same budget, one with max pooling, predict the next move "
                + "of every position you reach.");
        lead.addClassName("lab-lead");
        List<PolicyNet> available = new ArrayList<>();
        for (PolicyNet n : PolicyNet.values()) if (go.has(n)) available.add(n);
        sees = new NetworkSees(available, n -> refresh());
        seesDetails = new Details("What does the network see?", sees);
        seesDetails.setId("sees");
        seesDetails.addOpenedChangeListener(e -> {
            if (e.isOpened()) refresh();
        });
        Div networks = new Div();
        networks.addClassName("go-networks");
        for (PolicyNet n : PolicyNet.values()) {
            if (!go.has(n)) {
                Div missing = new Div(new H4(PolicyPanel.title(n)), Caption.of("This network is not installed (models/" + n.file()
                        + " is missing; `train " + n.id() + "` makes it)."));
                missing.addClassName("lab-card");
                networks.add(missing);
                continue;
            }
            PolicyPanel panel = new PolicyPanel(n, go.facts(n), go.parameters(n), this::playAt);
            panels.put(n, panel);
            networks.add(panel);
        }
        Div top = new Div(boardCard(), networks);
        top.addClassName("go-layout");
        add(title, lead, top, seesDetails);
        show();
    }

    private Div boardCard() {
        board.setId("board");
        board.addPointClickListener(this::playAt);
        status.setId("go-status");
        status.addClassName("go-status");
        message.setId("go-message");
        message.addClassName("go-message");
        Button pass = new Button("Pass", e -> {
            act(game::pass);
            replyDue = opponent.getValue() != null;
        });
        pass.setId("pass");
        undo.setId("undo");
        undo.addClickListener(e -> {
            replyDue = false;
            if (game.undo()) show();
        });
        Button newGame = new Button("New game", e -> {
            replyDue = false;
            game.newGame();
            builtIn.clear();
            show();
        });
        newGame.setId("new-game");
        Div buttons = new Div(pass, undo, newGame);
        buttons.addClassName("go-buttons");
        opponent.setLabel("A network answers your moves");
        opponent.setEmptySelectionAllowed(true);
        opponent.setEmptySelectionCaption("no: you play both sides");
        opponent.setItems(java.util.Arrays.stream(PolicyNet.values()).filter(go::has).toList());
        opponent.setItemLabelGenerator(n -> n == null ? "no: you play both sides" : PolicyPanel.title(n));
        opponent.setWidth("100%");
        opponent.setId("opponent");

        builtIn.setLabel("A historical game");
        builtIn.setPlaceholder("Choose a game");
        builtIn.setItems(go.builtInGames());
        builtIn.setItemLabelGenerator(BuiltInGames.BuiltInGame::title);
        builtIn.setWidth("100%");
        builtIn.setId("built-in");
        builtIn.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) load(e.getValue().record(), e.getValue().title());
        });
        upload.setUploadHandler(new LimitedUpload(Sgf.MAX_CHARS, TOO_LARGE, this::loadUpload, problem -> {
            upload.clearFileList();
            showMessage(problem);
        }));
        upload.setId("sgf-upload");
        upload.setAcceptedFileTypes(".sgf", "application/x-go-sgf");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Sgf.MAX_CHARS);
        upload.setDropLabel(new Span("Drop an SGF game record here (19x19, at most 1 MB)"));
        upload.addFileRejectedListener(e -> showMessage(e.getErrorMessage().toLowerCase(Locale.ROOT).contains("size")
                ? TOO_LARGE : "Please choose an SGF file (.sgf)."));

        moveSlider.setId("move-slider");
        moveSlider.addValueChangeListener(e -> {
            if (e.isFromClient()) goTo((int) Math.round(e.getValue()));
        });
        moveLabel.setId("move-label");
        Button back = new Button("◀", e -> goTo(game.branchPoint() - 1));
        back.setId("move-back");
        back.getElement().setAttribute("aria-label", "previous move of the game");
        Button forward = new Button("▶", e -> goTo(game.branchPoint() + 1));
        forward.setId("move-forward");
        forward.getElement().setAttribute("aria-label", "next move of the game");
        for (Button b : List.of(back, forward)) b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replay.add(new Div(back, moveSlider, forward), moveLabel);
        replay.addClassName("go-replay");
        replay.setId("replay");

        Div card = new Div(board, status, message, buttons, opponent, builtIn, replay, upload,
                Caption.of("Click a point to play it for the side to move; click a point on a heat map to play there."));
        card.addClassNames("lab-card", "go-board-card");
        return card;
    }

    /** Plays at a point the user clicked (the main board, a heat map, or a network's choice). */
    void playAt(int point) {
        if (point < 0 || point >= Board.POINTS) return;   // a forged event
        act(() -> game.play(point));
        replyDue = opponent.getValue() != null && message.getText().isEmpty();
    }

    private interface GameAction {
        void run() throws IllegalMove;
    }

    private void act(GameAction action) {
        try {
            action.run();
            show();
        } catch (IllegalMove e) {
            showMessage("Not allowed: " + e.getMessage() + ".");
        }
    }

    void load(SgfGame record, String title) {
        replyDue = false;
        try {
            game.load(record, title);
            show();
            showMessage(game.recordLength() < record.moves().size()
                    ? String.format(Locale.ROOT, "The record breaks the rules at move %d: it is shown up to there.", game.recordLength() + 1)
                    : "");
        } catch (IllegalMove e) {
            showMessage("This record cannot be set up: " + e.getMessage() + ".");
        }
    }

    /** Has an uploaded file read on the job pool and loads it into {@code ui} when it is back; any thread may call this. */
    CompletableFuture<SgfGame> loadUpload(UI ui, String fileName, byte[] file) {
        CompletableFuture<SgfGame> reading = go.readRecord(file).orTimeout(10, TimeUnit.SECONDS);
        reading.whenComplete((record, error) -> UiAccess.later(ui, () -> {
            upload.clearFileList();   // ready for the next file
            if (error == null) {
                builtIn.clear();
                load(record, fileName + ": " + record.title());
            } else if (Failure.cause(error) instanceof SgfProblem p) {
                showMessage("That file is not a game record we can read: " + p.getMessage());
            } else if (Failure.busy(error)) {
                showMessage("The server is busy: try the file again in a moment.");
            } else {
                showMessage("That file could not be read (reference " + Failure.logged(LOG, "reading an SGF upload", error) + ").");
            }
        }));
        return reading;
    }

    void goTo(int move) {
        if (game.record().isEmpty()) return;
        replyDue = false;
        try {
            game.goTo(move);
            show();
        } catch (IllegalMove e) {
            showMessage("This record cannot be replayed there: " + e.getMessage() + ".");
        }
    }

    /** Shows the position at once and asks the networks about it. */
    private void show() {
        Board b = game.board();
        board.show(b);
        showMessage("");
        int moves = b.moves().size();
        status.setText(String.format(Locale.ROOT, "%s to play · move %d · captured: Black %d, White %d",
                b.toPlay() == Stone.BLACK ? "Black" : "White", moves + 1, b.captures(Stone.BLACK), b.captures(Stone.WHITE)));
        undo.setEnabled(moves > 0);
        replay.setVisible(game.record().isPresent());
        if (game.record().isPresent()) {
            moveSlider.setMax(game.recordLength());
            moveSlider.setValue((double) game.branchPoint());
            int at = game.recordMove();
            moveLabel.setText(at >= 0
                    ? String.format(Locale.ROOT, "%s · after move %d of %d", game.title(), at, game.recordLength())
                    : String.format(Locale.ROOT, "%s · your variation after move %d (the slider returns to the game)", game.title(),
                    game.branchPoint()));
        }
        if (seesDetails.isOpened()) sees.showPlanes(b);
        board.setRing(-1);
        refresh();
    }

    /** Asks the networks about the position on the board (and the first layer, if shown). */
    private void refresh() {
        panels.values().forEach(PolicyPanel::showPending);
        Board position = game.board().copy();
        PolicyNet firstLayerOf = seesDetails.isOpened() ? sees.network() : null;
        reading.request(() -> go.read(position, firstLayerOf).orTimeout(10, TimeUnit.SECONDS), this::showReading, this::showFailure);
    }

    private void showFailure(Throwable error) {
        String message = Failure.busy(error) ? "The server is busy: play again in a moment."
                : "The networks could not read this position (reference " + Failure.logged(LOG, "reading a Go position", error) + ").";
        panels.values().forEach(p -> p.showUnavailable(message));
        panels.values().forEach(PolicyPanel::clearPending);
    }

    private void showReading(PositionReading r) {
        Optional<Move> professional = game.professionalNext();
        for (var e : panels.entrySet()) {
            MovePrediction p = r.predictions().get(e.getKey());
            if (p != null) e.getValue().show(r.board(), p, professional);
            e.getValue().clearPending();
        }
        board.setRing(-1);
        if (r.firstLayer() != null) {
            sees.showPlanes(r.board());
            sees.showFirstLayer(r.firstLayer());
        }
        MovePrediction answer = opponent.getValue() == null ? null : r.predictions().get(opponent.getValue());
        if (replyDue && answer != null && !answer.top(1).isEmpty()) {
            replyDue = false;   // the network's own move is not answered again
            int point = answer.top(1).get(0).point();
            act(() -> game.play(point));
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
    }

    // for view tests
    GameOnBoard game() {
        return game;
    }

    GoBoard board() {
        return board;
    }

    Map<PolicyNet, PolicyPanel> panels() {
        return panels;
    }

    NetworkSees sees() {
        return sees;
    }

    Paragraph message() {
        return message;
    }

    Paragraph status() {
        return status;
    }

    Select<BuiltInGames.BuiltInGame> builtIn() {
        return builtIn;
    }

    Select<PolicyNet> opponent() {
        return opponent;
    }

    Slider moveSlider() {
        return moveSlider;
    }
}
