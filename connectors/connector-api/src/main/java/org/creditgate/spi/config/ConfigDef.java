package org.creditgate.spi.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared configuration of a connector type (after Kafka Connect's {@code ConfigDef}): every key once, with
 * type, default and documentation. {@link #parse} turns a configuration dictionary into {@link Settings} or fails
 * with the PID and the key; unknown keys are errors too, so a typo never silently falls back to a default.
 */
public final class ConfigDef {

    /** Keys every connector instance has. */
    public static final String DEPARTMENT = "department";
    public static final String AUTO_START = "autoStartup";

    /** Properties Config Admin, FileInstall and DS add to every configuration. */
    private static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", "component.name", "component.id",
            "objectClass", "service.id", "service.bundleid", "service.scope", ".org.apache.karaf.features.configKey");

    private final Map<String, ConfigKey> keys;

    private ConfigDef(Map<String, ConfigKey> keys) {
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** A definition holding the keys every connector has: department and autoStartup. */
    public static Builder connector() {
        return new Builder()
                .required(DEPARTMENT, ConfigType.STRING,
                        "Id of the owning department (lower-case, e.g. swj); also the <dept> of the file name.")
                .optional(AUTO_START, ConfigType.BOOLEAN, "true",
                        "Start the connector's routes at once; false installs it paused.");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, ConfigKey> keys() {
        return keys;
    }

    /**
     * Parses and validates a configuration dictionary.
     *
     * @throws ConfigException for the first missing, malformed or unknown key, naming the PID and the key
     */
    public Settings parse(String pid, Map<String, ?> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (isFrameworkKey(key)) {
                continue;
            }
            requireUtf8Decoded(pid, key, key);
            if (e.getValue() instanceof String v) {
                requireUtf8Decoded(pid, key, v);
            }
            ConfigKey def = keyFor(key);
            if (def == null) {
                throw new ConfigException(pid, key, "unknown key (known keys: " + String.join(", ", keys.keySet())
                        + ")");
            }
            String text = e.getValue() == null ? "" : String.valueOf(e.getValue()).trim();
            if (def.type() == ConfigType.PREFIX) {
                if (key.length() == def.name().length()) {
                    throw new ConfigException(pid, key, "needs a suffix, e.g. " + def.name() + "<name>");
                }
                values.put(key, text);
            } else if (!text.isEmpty()) {
                values.put(key, ConfigValues.parse(pid, def, text));
            }
        }
        for (ConfigKey def : keys.values()) {
            if (def.type() == ConfigType.PREFIX || values.containsKey(def.name())) {
                continue;
            }
            if (def.required()) {
                throw new ConfigException(pid, def.name(), "is required: " + def.doc());
            }
            if (def.defaultValue() != null) {
                values.put(def.name(), ConfigValues.parse(pid, def, def.defaultValue()));
            }
        }
        return new Settings(pid, this, values);
    }

    /** Keys Config Admin, FileInstall and DS add (DS 1.5 adds osgi.ds.satisfying.condition.target, …). */
    private static boolean isFrameworkKey(String key) {
        return FRAMEWORK_KEYS.contains(key) || key.startsWith("felix.") || key.startsWith("component.")
                || key.startsWith("osgi.") || key.startsWith("service.") || key.endsWith(".target");
    }

    /**
     * A UTF-8 file read as ISO-8859-1 gives only characters below U+0100 that re-encode to valid UTF-8 with
     * multi-byte sequences: refuse it with the fix instead of silently matching no column.
     */
    private static void requireUtf8Decoded(String pid, String key, String text) {
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return;
        }
        throw new ConfigException(pid, key, "the configuration file was read as ISO-8859-1, but it is UTF-8; set "
                + "felix.fileinstall.configEncoding = UTF-8 in etc/custom.properties and restart Karaf");
    }

    ConfigKey keyFor(String key) {
        ConfigKey exact = keys.get(key);
        if (exact != null) {
            return exact;
        }
        for (ConfigKey k : keys.values()) {
            if (k.type() == ConfigType.PREFIX && key.startsWith(k.name())) {
                return k;
            }
        }
        return null;
    }

    /** Builds a definition; keys keep their declaration order (the order of the shipped .cfg and the README). */
    public static final class Builder {
        private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

        public Builder required(String name, ConfigType type, String doc) {
            return add(new ConfigKey(name, type, null, true, doc));
        }

        public Builder optional(String name, ConfigType type, String defaultValue, String doc) {
            return add(new ConfigKey(name, type, defaultValue, false, doc));
        }

        /** A family of keys {@code <prefix><suffix>}, e.g. {@code map.} for field mappings. */
        public Builder prefix(String prefix, String doc) {
            return add(new ConfigKey(prefix, ConfigType.PREFIX, null, false, doc));
        }

        public Builder include(ConfigDef other) {
            other.keys.values().forEach(this::add);
            return this;
        }

        private Builder add(ConfigKey key) {
            if (keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key " + key.name() + " declared twice");
            }
            return this;
        }

        public ConfigDef build() {
            return new ConfigDef(new LinkedHashMap<>(keys));
        }
    }

    /** Names of the declared keys in declaration order. */
    public List<String> names() {
        return new ArrayList<>(keys.keySet());
    }
}
