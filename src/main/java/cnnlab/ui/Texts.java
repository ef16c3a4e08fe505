package cnnlab.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.dom.Element;

/**
 * Text that changes many times a second (a verdict, a probability). Vaadin's {@code setText} replaces the element's
 * text node, even with the same text: three changes written to the browser (clear the children, add a node, set its
 * text) where one would do. On the digits page these were more than half of each reading's changes.
 */
public final class Texts {
    private Texts() { }

    /** Shows {@code text}: nothing is sent when it is already shown, only the new text when the element holds just text. */
    public static void set(HasText component, String text) {
        Element element = component.getElement();
        if (element.getChildCount() == 1 && element.getChild(0).isTextNode() && !text.isEmpty()) {
            Element node = element.getChild(0);
            if (!text.equals(node.getText())) node.setText(text);
        } else if (!text.equals(component.getText())) {
            component.setText(text);
        }
    }
}
