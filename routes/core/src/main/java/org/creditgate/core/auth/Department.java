package org.creditgate.core.auth;

/** A department allowed to push records (部门). */
public record Department(String id, String name) {
}
