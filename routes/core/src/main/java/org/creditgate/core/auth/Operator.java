package org.creditgate.core.auth;

import java.util.Set;

/**
 * An authenticated operator (Karaf JAAS user) and the roles that decide what they may do: {@code viewer} reads,
 * {@code manager} or {@code admin} may also change things (rewind a watermark, pause a connector).
 */
public record Operator(String name, Set<String> roles) {

    public boolean canRead() {
        return roles.contains("viewer") || canOperate();
    }

    public boolean canOperate() {
        return roles.contains("manager") || roles.contains("admin");
    }
}
