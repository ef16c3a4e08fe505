package cnnlab.text;

import cnnlab.Lab;
import cnnlab.ui.Caption;
import cnnlab.ui.Failure;
import cnnlab.ui.NewestReading;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * "Text" (lecture section 4.3): type a sentence and watch Kim's CNN decide its polarity; the filters slide along the
 * sentence covering whole word embeddings, and max-over-time pooling keeps each filter's best n-gram, shown
 * highlighted for the filters that moved the verdict most. Thin over {@link TextService}; the sentence is read as the
 * {@link NewestReading}: one reading in flight, newer text replacing text that waits.
 */
@Route("text")
@PageTitle("Text · CNN Lab")
@Menu(title = "Text", order = 7, icon = "vaadin:text-label")
public class TextView extends Div {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TextView.class);
    static final String PROMPT = "Type a sentence, or pick an example: the verdict follows as you type.";
    static final List<String> EXAMPLES = List.of(
            "a gorgeous , witty and deeply moving film",
            "the acting is superb and the story never lets go",
            "not a bad movie at all",
            "a dull , lifeless and predictable mess",
            "the plot is thin and the jokes fall flat",
            "not good , not funny , not worth your time");

    private final Lab lab = Lab.current();
    private final TextService text = lab.text();
    private final TextArea input = new TextArea("Your sentence");
    private final RadioButtonGroup<SentimentModel.Dataset> dataset = new RadioButtonGroup<>();
    private final RadioButtonGroup<SentimentModel.Embeddings> embeddings = new RadioButtonGroup<>();
    private final Span verdict = new Span();
    private final Paragraph detail = new Paragraph();
    /** Says why a negated sentence is easily misread, naming the windows that decided. */
    private final Paragraph negation = new Paragraph();
    private final Div filters = new Div();
    private final SentenceMatrix matrix = new SentenceMatrix();
    private final Span matrixTitle = new Span();
    private final Span modelFacts = new Span();

    private final NewestReading<SentenceReading> reading = NewestReading.on(this);
    private SentenceReading shown;

    public TextView() {
        addClassName("lab-page");
        H2 title = new H2("Text: filters that slide along a sentence");
        Paragraph lead = new Paragraph("A sentence becomes a matrix: one row per word, its embedding. Kim's CNN slides filters "
                + "3, 4 and 5 words tall down the sentence, always covering whole rows, never part of a word's embedding. "
                + "Each filter keeps only its strongest position (max-over-time pooling), and those maxima decide: "
                + "positive or negative.");
        lead.addClassName("lab-lead");
        add(title, lead, inputCard(), resultCard(), matrixCard());
        showPrompt(text.available().isEmpty() ? "No sentence model is installed on this server (models/text-mr.zip, text-sst2.zip, text-mr-w2v.zip, text-sst2-w2v.zip)." : PROMPT);
    }

    private Div inputCard() {
        input.setId("sentence");
        input.setWidthFull();
        input.setPlaceholder("e.g. not good , not funny");
        input.setValueChangeMode(ValueChangeMode.TIMEOUT);
        input.setValueChangeTimeout(250);   // debounce: one reading per pause in typing
        input.addValueChangeListener(e -> {
            input.setHelperText(String.format(Locale.ROOT, "%,d / %,d characters", e.getValue().length(), Tokenizer.MAX_CHARS));
            read(e.getValue());
        });
        dataset.setLabel("Trained on");
        dataset.setItems(text.available().stream().map(SentimentModel::dataset).distinct().sorted().toList());
        dataset.setItemLabelGenerator(SentimentModel.Dataset::description);
        dataset.setId("dataset");
        embeddings.setLabel("Word embeddings");
        embeddings.setItems(SentimentModel.Embeddings.values());
        embeddings.setItemLabelGenerator(SentimentModel.Embeddings::description);
        embeddings.setId("embeddings");
        embeddings.setHelperText("Word2vec read the datasets' sentences without labels (never one the model is tested on) and placed "
                + "words used alike near each other; training then adjusted those vectors.");
        // the best shipped model first: pre-trained vectors on MR when installed
        text.available().stream().min(java.util.Comparator.comparing((SentimentModel m) -> m.embeddings() != SentimentModel.Embeddings.WORD2VEC)
                .thenComparing(SentimentModel::dataset)).ifPresent(m -> {
                    dataset.setValue(m.dataset());
                    embeddings.setValue(m.embeddings());
                });
        embeddings.setItemEnabledProvider(e -> dataset.getValue() != null && text.has(SentimentModel.of(dataset.getValue(), e)));
        dataset.addValueChangeListener(e -> {
            if (e.getValue() == null) return;
            embeddings.setItemEnabledProvider(x -> text.has(SentimentModel.of(e.getValue(), x)));
            if (embeddings.getValue() == null || !text.has(SentimentModel.of(e.getValue(), embeddings.getValue()))) {
                embeddings.setValue(text.available().stream().filter(m -> m.dataset() == e.getValue()).findFirst()
                        .map(SentimentModel::embeddings).orElse(null));   // fires read() below
            } else {
                read(input.getValue());
            }
        });
        embeddings.addValueChangeListener(e -> {
            if (e.getValue() != null) read(input.getValue());
        });
        modelFacts.setId("model-facts");
        modelFacts.addClassName("lab-caption");
        showFacts(model());
        Div examples = new Div();
        examples.addClassName("text-examples");
        for (int i = 0; i < EXAMPLES.size(); i++) {
            String example = EXAMPLES.get(i);
            Button b = new Button(example, e -> {
                input.setValue(example);   // fires the listener above
            });
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setId("example-" + i);
            examples.add(b);
        }
        Div choices = new Div(dataset, embeddings, modelFacts);
        choices.addClassName("text-choices");
        Div card = new Div(input, choices, Caption.of("Examples:"), examples);
        card.addClassNames("lab-card", "text-input");
        return card;
    }

    private Div resultCard() {
        verdict.setId("text-verdict");
        verdict.addClassName("lab-verdict");
        detail.setId("text-detail");
        negation.setId("text-negation");
        negation.addClassName("text-lesson");
        negation.setVisible(false);
        detail.addClassName("lab-caption");
        filters.setId("text-filters");
        filters.addClassName("text-filters");
        Div card = new Div(new H3("The verdict"), verdict, detail, negation, new H3("Where the strongest filters fired"), filters,
                Caption.of("Each row is one filter; the highlighted words are the n-gram where it responded most, the "
                        + "one max-over-time pooling passed on. Green pushed towards positive, red towards negative. "
                        + "Dotted words have no embedding in this model (they were in neither its training sentences nor, for "
                        + "word2vec models, word2vec's): the network reads them as one shared unknown word."));
        card.addClassNames("lab-card", "text-result");
        return card;
    }

    private Div matrixCard() {
        matrix.setId("sentence-matrix");
        matrixTitle.setId("matrix-title");
        matrixTitle.addClassName("lab-caption");
        Div card = new Div(new H3("The sentence as a matrix, and the filters sliding down it"), matrixTitle, matrix,
                Caption.of("One row per word (with the padding that lets even one word fill a 5-word filter), one column per "
                        + "embedding dimension (blue negative, red positive). A filter of width h covers h whole rows: it "
                        + "slides down the sentence and never cuts a word's embedding apart. Right: every filter of that "
                        + "width (a column each) at every position (a row each, the window starting at that word); max-over-time "
                        + "pooling keeps each column's darkest cell. Click a filter above to outline it and where it fired."));
        card.addClassNames("lab-card", "text-result");
        return card;
    }

    /** Outlines {@code hit}'s window in the matrix. */
    private void select(SentenceReading.Hit hit) {
        matrix.showWindow(hit.start(), hit.width());
        shown.widths().stream().filter(w -> w.width() == hit.width()).findFirst()
                .ifPresent(w -> matrix.showResponses(w.responses(), hit.filter()));
        matrixTitle.setText(String.format(Locale.ROOT, "Outlined: where %d-word filter %d fired most (\u201c%s\u201d).",
                hit.width(), hit.filter(), shown.ngram(hit)));
    }

    /** Reads {@code value} on the job pool unless it fails the input checks (then whatever was asked before is dropped). */
    void read(String value) {
        SentimentModel model = model();
        showFacts(model);
        try {
            TextService.tokens(value);
        } catch (TextProblem e) {
            reading.cancel();
            showPrompt(e.getMessage());
            return;
        }
        if (model == null) return;
        reading.request(() -> text.submit(lab.jobs(), value, model).orTimeout(10, TimeUnit.SECONDS), this::show, this::showFailure);
    }

    private void showFailure(Throwable error) {
        if (error instanceof TextProblem) showPrompt(error.getMessage());
        else if (Failure.busy(error)) showPrompt("The server is busy: type on and it will read again.");
        else showPrompt("Something went wrong reading that sentence (reference " + Failure.logged(LOG, "reading a sentence", error) + ").");
    }

    private void showPrompt(String message) {
        shown = null;
        verdict.setText(message);
        verdict.addClassName("lab-prompt");
        verdict.removeClassNames("text-positive", "text-negative");
        detail.setText("");
        negation.setVisible(false);
        filters.removeAll();
        matrix.show(List.of(), new float[0][]);
        matrix.showWindow(-1, 0);
        matrix.showResponses(new float[0][], -1);
        matrixTitle.setText("");
    }

    private void show(SentenceReading r) {
        shown = r;
        verdict.removeClassName("lab-prompt");
        verdict.setText(String.format(Locale.ROOT, "%s · %.1f%%", r.label(), 100 * r.confidence()));
        verdict.removeClassNames("text-positive", "text-negative");
        verdict.addClassName(r.positive() >= 0.5 ? "text-positive" : "text-negative");
        long unknown = r.known().stream().filter(k -> !k).count();
        detail.setText(String.format(Locale.ROOT, "%d words%s · P(positive) = %.3f", r.tokens().size(),
                unknown == 0 ? "" : ", " + unknown + " unknown to this model", r.positive()));
        NegationNote.of(r).ifPresentOrElse(note -> {
            negation.setText(note);
            negation.setVisible(true);
        }, () -> negation.setVisible(false));
        filters.removeAll();
        SentimentModel model = model();
        for (SentenceReading.Hit hit : r.top()) {
            Div row = hitRow(r, hit, text.ngrams(model, hit.width(), hit.filter()));
            row.addClickListener(e -> select(hit));
            filters.add(row);
        }
        matrix.show(r.paddedWords(), r.embedded());
        if (!r.top().isEmpty()) select(r.top().get(0));
    }

    /** One filter: which, how hard it pushed, and the sentence with its winning n-gram highlighted. */
    private static Div hitRow(SentenceReading r, SentenceReading.Hit hit, List<FilterNgrams.Ngram> corpus) {
        Span label = new Span(String.format(Locale.ROOT, "%d-word filter %d  %+.2f", hit.width(), hit.filter(), hit.contribution()));
        label.addClassName("text-hit-label");
        label.addClassName(hit.contribution() >= 0 ? "text-positive" : "text-negative");
        Div sentence = new Div();
        sentence.addClassName("text-sentence");
        int first = hit.firstToken(), last = hit.lastToken(r.tokens().size());
        for (int t = 0; t < r.tokens().size(); t++) {
            Span word = new Span(r.tokens().get(t));   // setText: markup in the input stays text
            word.addClassName("text-word");
            if (t >= first && t <= last) word.addClassName(hit.contribution() >= 0 ? "text-mark-positive" : "text-mark-negative");
            if (!r.known().get(t)) {
                word.addClassName("text-unknown");
                word.getElement().setAttribute("title", "unknown to this model: read as the one unknown word");
            }
            sentence.add(word);
        }
        Div row = new Div(label, sentence);
        row.addClassName("text-hit");
        row.getElement().setAttribute("data-ngram", r.ngram(hit));
        // click a filter: what it fires on across the whole training corpus
        Paragraph fires = new Paragraph(corpus.isEmpty() ? "(This model has no corpus n-grams: run evaluate on it.)"
                : "Across the training sentences this filter fires most on: " + String.join(", ",
                corpus.stream().map(n -> "\u201c" + n.words() + "\u201d").toList()));
        fires.addClassNames("lab-caption", "text-corpus");
        fires.setVisible(false);
        row.add(fires);
        row.getElement().setAttribute("title", "click: what this filter fires on in the training sentences");
        row.addClickListener(e -> fires.setVisible(!fires.isVisible()));
        return row;
    }

    private void showFacts(SentimentModel model) {
        modelFacts.setText(model == null ? "" : text.accuracy(model).map(a -> "This model: " + a + " (held out from its training).").orElse(""));
    }

    /** The chosen model, null while none is installed for the chosen dataset. */
    private SentimentModel model() {
        if (dataset.getValue() == null || embeddings.getValue() == null) return null;
        SentimentModel m = SentimentModel.of(dataset.getValue(), embeddings.getValue());
        return text.has(m) ? m : null;
    }

    // for view tests
    SentenceReading shown() {
        return shown;
    }

    /** The negation note, "" when none is shown. */
    String negationText() {
        return negation.isVisible() ? negation.getText() : "";
    }

    String verdictText() {
        return verdict.getText();
    }

    TextArea input() {
        return input;
    }

    Div filters() {
        return filters;
    }

    SentenceMatrix matrix() {
        return matrix;
    }

    RadioButtonGroup<SentimentModel.Dataset> dataset() {
        return dataset;
    }

    RadioButtonGroup<SentimentModel.Embeddings> embeddings() {
        return embeddings;
    }
}
