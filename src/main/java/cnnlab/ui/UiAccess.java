package cnnlab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/** Pushes a result from a worker thread into a UI, and silently drops it if that browser has gone. */
public final class UiAccess {
    private UiAccess() { }

    public static void later(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the user closed the tab while we computed: nobody to show it to
        }
    }
}
