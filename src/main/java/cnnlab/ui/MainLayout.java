package cnnlab.ui;

import cnnlab.access.Logout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.security.Principal;

/**
 * The frame of every page: a header and a side navigation with one entry per lecture topic. With the login on, the
 * header says who is logged in and offers "Log out". {@code @Layout} makes it every route's layout, and the navigation
 * is built from the pages' {@code @Menu} annotations, so a new page adds its own entry and this class knows no page.
 */
@Layout
public class MainLayout extends AppLayout {
    public MainLayout() {
        H1 title = new H1("CNN Lab");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Span subtitle = new Span("what does a CNN learn?");
        subtitle.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, subtitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        header.setWidthFull();
        Principal user = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getUserPrincipal();
        if (user != null) header.add(whoIsLoggedIn(user.getName()));   // only with the login on
        addToNavbar(header);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    /** The user's name and a "Log out", at the header's far end. */
    private static Component whoIsLoggedIn(String name) {
        Span who = new Span(name);
        who.setId("user-name");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> Logout.currentUser());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout end = new HorizontalLayout(VaadinIcon.USER.create(), who, logout);
        end.setAlignItems(FlexComponent.Alignment.CENTER);
        end.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.FontSize.SMALL);
        return end;
    }

    /** One entry per {@code @Menu} page, in its order (pages without one, such as the admin's, stay out of the menu). */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Lecture topics");
        for (MenuEntry page : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(page.title(), page.path());
            if (page.icon() != null && !page.icon().isBlank()) item.setPrefixComponent(new Icon(page.icon()));
            nav.addItem(item);
        }
        return nav;
    }
}
