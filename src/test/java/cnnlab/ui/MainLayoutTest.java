package cnnlab.ui;

import cnnlab.digits.DigitsView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The side navigation, built from the pages' @Menu; the header's "Log out", only with the login on. */
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

    @Test
    void theMenuListsEveryLectureTopicInOrderAndNotTheAdminPage() {
        List<SideNavItem> items = _get(SideNav.class).getItems();
        assertEquals(List.of("Draw a digit", "What does it learn?", "Deep Dream", "Deep Style", "Speech", "Go", "Text", "Lab gallery"),
                items.stream().map(SideNavItem::getLabel).toList());
        assertEquals(List.of("", "features", "dream", "style", "speech", "go", "text", "gallery"),
                items.stream().map(SideNavItem::getPath).toList());
        assertEquals("vaadin:pencil", items.get(0).getPrefixComponent().getElement().getAttribute("icon"));
    }
}
