package cnnlab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.internal.change.ListClearChange;
import com.vaadin.flow.internal.change.NodeChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {
    private final UI ui = new UI();
    private final Span span = new Span();

    /** What the next message to the browser would carry for this UI. */
    private List<NodeChange> changes() {
        List<NodeChange> changes = new ArrayList<>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }

    @Test
    void aNewTextIsOneChangeAndTheSameTextNone() {
        ui.add(span);
        Texts.set(span, "12.5%");
        changes();
        Texts.set(span, "12.5%");
        assertEquals(List.of(), changes(), "the same text sends nothing");
        Texts.set(span, "13.0%");
        List<NodeChange> changed = changes();
        assertEquals(1, changed.size(), "only the text node's new text: " + changed);
        assertTrue(changed.stream().noneMatch(c -> c instanceof ListClearChange));
        assertEquals("13.0%", span.getText());
    }

    @Test
    void emptyTextEmptiesAndTextComesBack() {
        ui.add(span);
        Texts.set(span, "sure");
        Texts.set(span, "");
        assertEquals("", span.getText());
        Texts.set(span, "again");
        assertEquals("again", span.getText());
    }
}
