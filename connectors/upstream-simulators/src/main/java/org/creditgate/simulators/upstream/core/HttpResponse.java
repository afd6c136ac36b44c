package org.creditgate.simulators.upstream.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON answer: status and a body serialised by {@link Json}. */
public record HttpResponse(int status, Object body) {

    public static HttpResponse ok(Object body) {
        return new HttpResponse(200, body);
    }

    /** {@code {"code", "field", "msg"}} with the status. */
    public static HttpResponse error(int status, String code, String field, String msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("field", field);
        m.put("msg", msg);
        return new HttpResponse(status, m);
    }

    /** Thrown by handlers to answer at once. */
    public static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient HttpResponse response;

        public Failure(HttpResponse response) {
            super(String.valueOf(response.body()), null, false, false);
            this.response = response;
        }

        public HttpResponse response() {
            return response;
        }
    }
}
