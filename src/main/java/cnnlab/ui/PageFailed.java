package cnnlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed while it was being opened: a reference the student can quote (the log has the stack trace under
 * it), instead of Vaadin's page that repeats the exception's message.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Something went wrong · CNN Lab")
public class PageFailed extends Div implements HasErrorParameter<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(PageFailed.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = Failure.logged(LOG, "opening /" + event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        Paragraph what = new Paragraph("This page could not be opened (reference " + id + "). Try again, or tell the lab's admin the reference.");
        what.setId("page-failed");
        add(new H2("Something went wrong"), what);
        addClassName("lab-card");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
