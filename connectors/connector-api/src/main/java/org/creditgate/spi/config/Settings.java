package org.creditgate.spi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed, validated configuration of one connector instance. Typed getters fail (with PID and key) only on a
 * programming error — asking for an undeclared key or the wrong type — never on user input, which
 * {@link ConfigDef#parse} already checked. {@link #toString()} masks secrets.
 */
public final class Settings {

    private final String pid;
    private final ConfigDef def;
    private final Map<String, Object> values;

    Settings(String pid, ConfigDef def, Map<String, Object> values) {
        this.pid = pid;
        this.def = def;
        this.values = values;
    }

    public String pid() {
        return pid;
    }

    public String department() {
        return string(ConfigDef.DEPARTMENT);
    }

    public boolean autoStartup() {
        return bool(ConfigDef.AUTO_START);
    }

    public String string(String key) {
        return get(key, String.class);
    }

    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(values.get(declared(key)) instanceof String s ? s : null);
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    public long longValue(String key) {
        return get(key, Long.class);
    }

    public boolean bool(String key) {
        return get(key, Boolean.class);
    }

    public Duration duration(String key) {
        return get(key, Duration.class);
    }

    public Path path(String key) {
        return get(key, Path.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = values.get(declared(key));
        return v == null ? List.of() : (List<String>) v;
    }

    public Secret secret(String key) {
        return get(key, Secret.class);
    }

    public Optional<Secret> optionalSecret(String key) {
        return Optional.ofNullable(values.get(declared(key)) instanceof Secret s ? s : null);
    }

    /** The keys of a prefix group with the prefix removed, in file order: {@code map.CF_WSH=x} → {@code CF_WSH=x}. */
    public Map<String, String> group(String prefix) {
        declared(prefix);
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), (String) v);
            }
        });
        return out;
    }

    /** Fails with PID and key when a semantic rule on an already typed value does not hold. */
    public ConfigException invalid(String key, String problem) {
        return new ConfigException(pid, key, problem);
    }

    private <T> T get(String key, Class<T> type) {
        Object v = values.get(declared(key));
        if (v == null) {
            throw new ConfigException(pid, key, "has no value and no default");
        }
        if (!type.isInstance(v)) {
            throw new ConfigException(pid, key, "is a " + v.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(v);
    }

    private String declared(String key) {
        if (def.keyFor(key) == null) {
            throw new IllegalArgumentException(pid + ": key " + key + " is not declared");
        }
        return key;
    }

    @Override
    public String toString() {
        return pid + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
