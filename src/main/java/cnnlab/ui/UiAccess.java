package cnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

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

    /**
     * Runs work {@link #later} in the UI of {@code page}: the one it is built in, or was last attached to. The UI is
     * noted on the UI thread, so a worker thread never walks the component tree to find it.
     */
    public static Executor on(Component page) {
        AtomicReference<UI> ui = new AtomicReference<>(UI.getCurrent());
        page.addAttachListener(e -> ui.set(e.getUI()));
        return command -> {
            UI target = ui.get();
            if (target != null) later(target, command::run);
        };
    }
}
