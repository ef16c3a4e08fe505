package cnnlab.admin;

import cnnlab.access.UsersFile;
import com.vaadin.flow.server.VaadinRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may open the admin page: with the login on, an account with the admin role; with it off (the default, a
 * server on one machine), only a browser on the server machine itself, so students on the lab network never can.
 */
public final class AdminAccess {
    private AdminAccess() { }

    public static boolean allows(VaadinRequest request) {
        if (request == null) return false;
        if (request.getUserPrincipal() != null) return request.isUserInRole(UsersFile.ADMIN);
        return isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) return false;
        try {
            // a literal address only: never a name lookup
            return (address.indexOf(':') >= 0 || Character.isDigit(address.charAt(0))) && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
