package cnnlab.access;

import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.CredentialProvider;

/** Lets Jetty's login service read {@link PasswordHash} lines (found through META-INF/services). */
public final class Pbkdf2CredentialProvider implements CredentialProvider {
    @Override
    public Credential getCredential(String credential) {
        return PasswordHash.parse(credential);
    }

    @Override
    public String getPrefix() {
        return PasswordHash.PREFIX;
    }
}
