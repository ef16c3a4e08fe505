package cnnlab.sessions;

import com.vaadin.flow.server.VaadinSession;

/**
 * The 28x28 network input of the digit this browser last drew, kept in its session so other pages can start from
 * it (the features page: "what would make my 3 look more like an 8?").
 */
public final class LastDrawing {
    private static final String KEY = LastDrawing.class.getName();

    private LastDrawing() { }

    public static void remember(VaadinSession session, float[] pixels) {
        session.setAttribute(KEY, pixels == null ? null : pixels.clone());
    }

    /** The drawing, or null when this browser has not drawn one (or cleared it). */
    public static float[] of(VaadinSession session) {
        float[] p = (float[]) session.getAttribute(KEY);
        return p == null ? null : p.clone();
    }
}
