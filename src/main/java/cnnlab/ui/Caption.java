package cnnlab.ui;

import com.vaadin.flow.component.html.Paragraph;

/** The small grey explanatory line the pages put under a picture or a chart. */
public final class Caption {
    private Caption() { }

    public static Paragraph of(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("lab-caption");
        return p;
    }
}
