package org.creditgate.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmarks' and the chaos run's command line: {@code --name value} pairs; a bare {@code --flag} is "true". */
public final class CommandLine {

    private CommandLine() {
    }

    public static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(name, args[++i]);
            } else {
                m.put(name, "true");
            }
        }
        return m;
    }
}
