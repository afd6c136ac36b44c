package org.creditgate.spi.config;

import java.util.Objects;

/**
 * One documented configuration key: name, type, default (null = required when {@code required}), and the
 * sentence the shipped {@code .cfg} and the connector README show for it.
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, boolean required, String doc) {

    public ConfigKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("config key " + name + " has no documentation");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("config key " + name + " is required and has a default");
        }
    }

    public boolean secret() {
        return type == ConfigType.PASSWORD;
    }
}
