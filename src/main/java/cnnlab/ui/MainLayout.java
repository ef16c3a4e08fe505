package cnnlab.ui;

import cnnlab.access.Logout;
import cnnlab.digits.DigitsView;
import cnnlab.dream.DreamView;
import cnnlab.features.FeaturesView;
import cnnlab.gallery.GalleryView;
import cnnlab.style.StyleView;
import cnnlab.speech.SpeechView;
import cnnlab.go.GoView;
import cnnlab.text.TextView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.security.Principal;

/**
 * The frame of every page: a header and a side navigation with one entry per lecture topic. With the login on, the
 * header says who is logged in and offers "Log out".
 */
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

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Lecture topics");
        nav.addItem(new SideNavItem("Draw a digit", DigitsView.class, VaadinIcon.PENCIL.create()));
        nav.addItem(new SideNavItem("What does it learn?", FeaturesView.class, VaadinIcon.EYE.create()));
        nav.addItem(new SideNavItem("Deep Dream", DreamView.class, VaadinIcon.CLOUD.create()));
        nav.addItem(new SideNavItem("Deep Style", StyleView.class, VaadinIcon.PAINTBRUSH.create()));
        nav.addItem(new SideNavItem("Speech", SpeechView.class, VaadinIcon.MICROPHONE.create()));
        nav.addItem(new SideNavItem("Go", GoView.class, VaadinIcon.GRID_SMALL.create()));
        nav.addItem(new SideNavItem("Text", TextView.class, VaadinIcon.TEXT_LABEL.create()));
        nav.addItem(new SideNavItem("Lab gallery", GalleryView.class, VaadinIcon.PICTURE.create()));
        return nav;
    }
}
