package org.creditgate.spi.config;

/** A connector configuration that cannot be used; the message names the PID and the key. */
public class ConfigException extends RuntimeException {

    private final String pid;
    private final String key;

    public ConfigException(String pid, String key, String problem) {
        super(pid + ": " + key + ": " + problem);
        this.pid = pid;
        this.key = key;
    }

    public String pid() {
        return pid;
    }

    public String key() {
        return key;
    }
}
