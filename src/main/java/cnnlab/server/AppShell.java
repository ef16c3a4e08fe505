package cnnlab.server;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/** The one place for app-wide page settings: server push over WebSocket (live drawings, animations) and the theme. */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET)
@Theme("cnnlab")
public class AppShell implements AppShellConfigurator {
}
