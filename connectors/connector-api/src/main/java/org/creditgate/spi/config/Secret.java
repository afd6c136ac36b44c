package org.creditgate.spi.config;

import java.util.Objects;

/** A secret configuration value; {@link #toString()} never shows it. */
public final class Secret {

    public static final String MASK = "[hidden]";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The secret itself, for the one place that needs it (an authenticator, a connection). */
    public String reveal() {
        return value;
    }

    /** Constant-time comparison, so a token check does not leak the secret through timing. */
    public boolean matches(String candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
