package cnnlab.ui;

import cnnlab.digits.DigitsView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The header's "Log out": only with the login on, next to the name of who is logged in. */
class MainLayoutTest extends ViewTest {
    MainLayoutTest() {
        super(DigitsView.class);
    }

    @Test
    void withTheLoginOffThereIsNoOneToLogOut() {
        _assertNone(Button.class, spec -> spec.withId("logout"));
    }

    @Test
    void withTheLoginOnTheHeaderSaysWhoAndOffersLogOut() {
        ((FakeRequest) VaadinServletRequest.getCurrent().getRequest()).setUserPrincipalInt(() -> "ben");
        MainLayout layout = new MainLayout();
        assertEquals("ben", _get(layout, Span.class, spec -> spec.withId("user-name")).getText());
        assertEquals("Log out", _get(layout, Button.class, spec -> spec.withId("logout")).getText());
    }
}
