package cnnlab.ui;

import cnnlab.digits.DigitsView;
import cnnlab.gallery.TemporaryGallery;
import cnnlab.nn.ShippedModel;
import cnnlab.Lab;
import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unknown address and a page that fails to open: the lab's own words, no router or exception internals. */
class ErrorViewsTest {
    @BeforeEach
    void openLab() {
        Lab.start(ShippedModel.MODELS, TemporaryGallery.folder());
        Routes routes = new Routes().autoDiscoverViews("cnnlab");
        routes.getErrorRoutes().remove(MockRouteNotFoundError.class);   // Karibu's own throws instead: the app's is under test
        LabMockServlet.setup(routes);
        UI.getCurrent().navigate(DigitsView.class);
    }

    @AfterEach
    void closeLab() {
        MockVaadin.tearDown();
    }

    @Test
    void anUnknownAddressSaysSoInTheLabsLayout() {
        route("no/such/page");
        String text = _get(Paragraph.class, spec -> spec.withId("not-found")).getText();
        assertTrue(text.contains("There is no page at /no/such/page"), text);
        assertFalse(text.contains("route") || text.contains("navigate"), "Vaadin's router words: " + text);
        _get(MainLayout.class);
    }

    /** As the router does for a browser's address (Karibu's own navigate refuses an unknown one before routing it). */
    private static void route(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PROGRAMMATIC);
    }

    /** Not a @Route: registered by the test alone, so no other test (or the fuzz suite) meets it. */
    public static class Broken extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @Test
    void aPageThatFailsShowsAReferenceNotTheException() {
        RouteConfiguration.forSessionScope().setRoute("broken", Broken.class, MainLayout.class);
        route("broken");
        String text = _get(Paragraph.class, spec -> spec.withId("page-failed")).getText();
        assertTrue(text.matches("This page could not be opened \\(reference [0-9a-f]{8}\\)\\..*"), text);
        assertFalse(text.contains("secret") || text.contains("IllegalState"), text);
    }
}
