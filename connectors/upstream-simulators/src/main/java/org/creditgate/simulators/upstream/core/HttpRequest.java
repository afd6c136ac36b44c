package org.creditgate.simulators.upstream.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A received HTTP request, read completely. */
public record HttpRequest(String method, String path, Map<String, String> query, byte[] body) {

    public String param(String name) {
        return query.get(name);
    }

    /** A required query parameter; missing → 400. */
    public String require(String name) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            throw new HttpResponse.Failure(HttpResponse.error(400, "E_REQUIRED", name, "query parameter " + name
                    + " missing"));
        }
        return v;
    }

    public int intParam(String name, int dflt) {
        String v = query.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new HttpResponse.Failure(HttpResponse.error(400, "E_FORMAT", name, name + " is not a number"));
        }
    }

    public double doubleParam(String name, double dflt) {
        String v = query.get(name);
        try {
            return v == null ? dflt : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new HttpResponse.Failure(HttpResponse.error(400, "E_FORMAT", name, name + " is not a number"));
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }
}
