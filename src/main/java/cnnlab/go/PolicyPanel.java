package cnnlab.go;

import cnnlab.ui.Caption;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One policy network's column on the Go page: its held-out accuracy, its heat map of move probabilities over the
 * current position with its five favourite moves, and how it ranks the move the professional actually played.
 */
public class PolicyPanel extends Div {
    private final PolicyNet net;
    private final GoBoard heatMap = new GoBoard(228, true);
    private final OrderedList top = new OrderedList();
    private final Paragraph verdict = new Paragraph();
    private final Button play = new Button("Play its move");
    private MovePrediction shown;

    /** {@code onPoint} receives clicks on the heat map (to play there) and the network's choice from "Play its move". */
    public PolicyPanel(PolicyNet net, Optional<PolicyFacts> facts, long parameters, IntConsumer onPoint) {
        this.net = net;
        addClassNames("lab-card", "go-policy");
        setId("policy-" + net.id());
        heatMap.setId("heat-" + net.id());
        heatMap.addPointClickListener(onPoint);
        top.addClassName("go-top");
        top.setId("top-" + net.id());
        verdict.addClassName("lab-caption");
        verdict.setId("pro-" + net.id());
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        play.setId("play-" + net.id());
        play.addClickListener(e -> {
            if (shown != null && !shown.top(1).isEmpty()) onPoint.accept(shown.top(1).get(0).point());
        });
        play.setEnabled(false);
        Span accuracy = new Span(facts.map(f -> String.format(Locale.ROOT,
                "Held-out games: the professional's move is its first choice %.1f%% of the time, in its top 5 %.1f%% (%,d positions it never saw)",
                100 * f.top1(), 100 * f.top5(), f.positions())).orElse("Held-out accuracy not measured (no model card)."));
        accuracy.addClassName("go-accuracy");
        accuracy.setId("accuracy-" + net.id());
        add(new H3(title(net)), accuracy, heatMap, new Div(top, play), verdict,
                Caption.of(String.format(Locale.ROOT, "%,d parameters; %s.", parameters, net.description())
                        + (net == PolicyNet.POOLED ? " Its map comes in 2x2 blocks of equal probability: once pooled, it cannot "
                        + "tell neighbouring points apart, and in Go the neighbouring point can be a different game." : "")));
    }

    static String title(PolicyNet net) {
        return net == PolicyNet.UNPOOLED ? "No pooling (AlphaGo's design)" : "With max pooling";
    }

    public PolicyNet net() {
        return net;
    }

    /** Shows a prediction for {@code board}; {@code professional} is the move played next in the record, if known. */
    public void show(Board board, MovePrediction prediction, Optional<Move> professional) {
        shown = prediction;
        heatMap.show(board);
        List<MovePrediction.Candidate> best = prediction.top(5);
        heatMap.showPrediction(prediction.probabilities(), best.stream().map(MovePrediction.Candidate::point).toList());
        top.removeAll();
        for (MovePrediction.Candidate c : best) {
            top.add(new ListItem(String.format(Locale.ROOT, "%s  %.1f%%", c.coordinate(), 100 * c.probability())));
        }
        play.setEnabled(!best.isEmpty());
        int pro = professional.filter(m -> !m.isPass()).map(Move::point).orElse(-1);
        heatMap.setRing(pro);
        if (pro < 0) {
            verdict.setText(professional.isPresent() ? "The professional passed here." : "");
        } else {
            int rank = prediction.rank(pro);
            String where = Board.coordinate(pro / Board.SIZE, pro % Board.SIZE);
            verdict.setText(rank == 1 ? "The professional played " + where + " (ringed): this network's first choice."
                    : rank > 0 ? String.format(Locale.ROOT, "The professional played %s (ringed): this network's choice number %d (%.1f%%).",
                    where, rank, 100 * prediction.probabilities()[pro])
                    : "The professional played " + where + " (ringed).");
        }
    }

    /** While a new position is being read (a few milliseconds): the old heat map stays, faded. */
    public void showPending() {
        addClassName("go-pending");
    }

    public void clearPending() {
        removeClassName("go-pending");
    }

    public void showUnavailable(String message) {
        shown = null;
        heatMap.clearPrediction();
        top.removeAll();
        play.setEnabled(false);
        verdict.setText(message);
    }

    public MovePrediction shown() {
        return shown;
    }

    GoBoard heatMap() {
        return heatMap;
    }
}
