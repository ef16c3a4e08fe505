package cnnlab.ui;

import cnnlab.gallery.TemporaryGallery;
import cnnlab.nn.ShippedModel;
import cnnlab.Lab;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browserless view tests (Karibu): the shipped lab (or the one a server test already started), a fresh
 * mock UI per test with {@code view} open, torn down after it.
 */
public abstract class ViewTest {
    private static Routes routes;
    private final Class<? extends Component> view;

    protected ViewTest(Class<? extends Component> view) {
        this.view = view;
    }

    @BeforeAll
    static void startLab() {
        if (routes == null) routes = new Routes().autoDiscoverViews("cnnlab");
        Lab.start(ShippedModel.MODELS, TemporaryGallery.folder());
    }

    @BeforeEach
    void openView() {
        LabMockServlet.setup(routes);
        UI.getCurrent().navigate(view);
    }

    /** Ends this browser session and opens the view in a fresh one: another student, or a script starting over. */
    protected void openInNewSession() {
        MockVaadin.tearDown();
        openView();
    }

    @AfterEach
    void closeView() {
        MockVaadin.tearDown();
    }
}
