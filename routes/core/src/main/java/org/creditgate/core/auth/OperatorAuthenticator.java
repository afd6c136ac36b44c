package org.creditgate.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Checks HTTP Basic credentials of operators against a JAAS realm — in Karaf the {@code karaf} realm, i.e.
 * {@code etc/users.properties} or whatever login modules the operator configured there — so the gateway has one
 * list of operators for the shell, the console and the API.
 */
public class OperatorAuthenticator {

    private static final String ROLE_PRINCIPAL = "RolePrincipal";
    private final String realm;

    public OperatorAuthenticator(String realm) {
        this.realm = realm;
    }

    /** The operator, if the header carries valid Basic credentials. */
    public Optional<Operator> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    protected Optional<Operator> login(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (Callback c : callbacks) {
                    if (c instanceof NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            });
            login.login();
        } catch (LoginException | SecurityException e) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            // Karaf's RolePrincipal, matched by name so this bundle does not depend on Karaf's JAAS packages
            if (p.getClass().getSimpleName().equals(ROLE_PRINCIPAL)) {
                roles.add(p.getName());
            }
        }
        return Optional.of(new Operator(user, Set.copyOf(roles)));
    }
}
