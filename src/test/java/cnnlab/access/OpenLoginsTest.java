package cnnlab.access;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.SessionAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which open sessions end when the users file changes: the changed user's, and only theirs. */
class OpenLoginsTest {
    private static final PasswordHash ANN = PasswordHash.of("ann-password".toCharArray()), BEN = PasswordHash.of("ben-password".toCharArray());
    private final UserStore store = new UserStore();
    private LabLoginService users;
    private OpenLogins logins;

    /** An HTTP session with no attributes of its own that counts down when invalidated. */
    private record Session(HttpSession api, CountDownLatch ended) {
        static Session open() {
            CountDownLatch ended = new CountDownLatch(1);
            HttpSession api = (HttpSession) Proxy.newProxyInstance(OpenLoginsTest.class.getClassLoader(), new Class<?>[]{HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "invalidate" -> {
                            ended.countDown();
                            yield null;
                        }
                        case "getAttributeNames" -> Collections.emptyEnumeration();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            return new Session(api, ended);
        }

        boolean isEnded() {
            return ended.getCount() == 0;
        }
    }

    @BeforeEach
    void start() throws Exception {
        store.addUser("ann", ANN, new String[]{"student", "admin"});
        store.addUser("ben", BEN, new String[]{"student"});
        users = new LabLoginService(null);
        users.setUserStore(store);
        users.start();
        logins = new OpenLogins(users);
    }

    @AfterEach
    void stop() throws Exception {
        users.stop();
    }

    private Session logIn(String name, String password) {
        UserIdentity who = users.login(name, password, null, null);
        Session s = Session.open();
        logins.attributeAdded(new HttpSessionBindingEvent(s.api(), SessionAuthentication.AUTHENTICATED_ATTRIBUTE,
                new SessionAuthentication("FORM", who, password)));
        return s;
    }

    @Test
    void aUserTheFileDropsIsLoggedOutAndNoOneElse() {
        Session ann = logIn("ann", "ann-password"), ben = logIn("ben", "ben-password");
        store.removeUser("ben");
        logins.remove("ben");
        assertTrue(ben.isEnded());
        assertTrue(!ann.isEnded());
    }

    @Test
    void aReReadOfTheSameLinesEndsNothingButAChangedRoleOrPasswordDoes() {
        Session ann = logIn("ann", "ann-password"), ben = logIn("ben", "ben-password");
        store.addUser("ann", PasswordHash.parse(ANN.toString()), new String[]{"student", "admin"});   // every reload re-reads every line
        logins.update("ann", null, null);
        assertTrue(!ann.isEnded(), "nothing changed for ann");

        store.addUser("ann", ANN, new String[]{"student"});
        logins.update("ann", null, null);
        assertTrue(ann.isEnded(), "ann is no longer an admin");

        store.addUser("ben", PasswordHash.of("ben-password".toCharArray()), new String[]{"student"});
        logins.update("ben", null, null);
        assertTrue(ben.isEnded(), "ben's password was set again");
    }

    @Test
    void aLoginCheckedWhileTheFileDroppedTheUserEndsToo() throws Exception {
        UserIdentity who = users.login("ben", "ben-password", null, null);
        store.removeUser("ben");   // the reload, and its look at ben's sessions, come before the login is recorded
        logins.remove("ben");
        Session ben = Session.open();
        logins.attributeAdded(new HttpSessionBindingEvent(ben.api(), SessionAuthentication.AUTHENTICATED_ATTRIBUTE,
                new SessionAuthentication("FORM", who, "ben-password")));
        assertTrue(ben.ended().await(10, TimeUnit.SECONDS), "ended, off the login's thread");
    }

    @Test
    void aLoggedOutSessionIsForgotten() {
        Session ben = logIn("ben", "ben-password");
        SessionAuthentication login = new SessionAuthentication("FORM", users.login("ben", "ben-password", null, null), "ben-password");
        logins.attributeRemoved(new HttpSessionBindingEvent(ben.api(), SessionAuthentication.AUTHENTICATED_ATTRIBUTE, login));
        store.removeUser("ben");
        logins.remove("ben");
        assertEquals(1, ben.ended().getCount(), "no longer tracked, so not ended again");
    }
}
