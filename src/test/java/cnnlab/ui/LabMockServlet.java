package cnnlab.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockInstantiator;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.auth.MenuAccessControl;

import java.util.stream.Stream;

/**
 * Karibu's mock servlet with one gap filled: Karibu 2.4's instantiator predates Vaadin's {@code @Menu} and cannot make the
 * {@link MenuAccessControl} that {@code MenuConfiguration} asks for (the real server's DefaultInstantiator can), so the
 * side navigation, built from the pages' {@code @Menu}, would not open in a view test. This asks Vaadin's own.
 */
public final class LabMockServlet extends MockVaadinServlet {
    private LabMockServlet(Routes routes) {
        super(routes, MockedUI::new);
    }

    /** {@code MockVaadin.setup(routes)}, with the menu working: a mock session and UI on this thread. */
    public static void setup(Routes routes) {
        MockVaadin.setup(MockedUI::new, new LabMockServlet(routes));
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        MockService service = new MockService(this, configuration, getUiFactory()) {
            @Override
            public Instantiator getInstantiator() {
                return new MenuAware((MockInstantiator) super.getInstantiator());
            }
        };
        service.init();
        getRoutes().register(service.getContext());
        return service;
    }

    /** Karibu's instantiator for everything, Vaadin's for the menu's access control. */
    private record MenuAware(MockInstantiator karibu) implements Instantiator {
        @Override
        public Stream<VaadinServiceInitListener> getServiceInitListeners() {
            return karibu.getServiceInitListeners();
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            return karibu.getOrCreate(type);
        }

        @Override
        public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
            return karibu.createRouteTarget(routeTargetType, event);
        }

        @Override
        public <T extends Component> T createComponent(Class<T> componentClass) {
            return karibu.createComponent(componentClass);
        }

        @Override
        public I18NProvider getI18NProvider() {
            return karibu.getI18NProvider();
        }

        @Override
        public MenuAccessControl getMenuAccessControl() {
            return karibu.getDelegate().getMenuAccessControl();
        }
    }
}
