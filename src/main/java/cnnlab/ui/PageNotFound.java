package cnnlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that is no page of the lab: said in the lab's own layout, with the way back, instead of Vaadin's
 * "Could not navigate to ..." with the router's reason.
 */
@ParentLayout(MainLayout.class)
@PageTitle("No such page · CNN Lab")
public class PageNotFound extends Div implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Paragraph what = new Paragraph("There is no page at /" + event.getLocation().getPath() + ". The lab's pages are in the menu.");
        what.setId("not-found");
        add(new H2("No such page"), what, new RouterLink("Draw a digit", cnnlab.digits.DigitsView.class));
        addClassName("lab-card");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
