package org.creditgate.simulators.upstream.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP server every REST simulator and every admin endpoint runs on, bound to 127.0.0.1. Routes are path
 * prefixes; {@link #guarded} ones suffer the misbehaviour (latency, then outage → 503, then a failure → 500),
 * the admin routes never do.
 */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);

    /** A route's logic. */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Misbehaviour misbehaviour;

    public SimHttpServer(String name, int port, Misbehaviour misbehaviour) {
        this.misbehaviour = misbehaviour;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    public SimHttpServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** A route that misbehaves as configured. */
    public SimHttpServer guarded(String path, Handler handler) {
        server.createContext(path, ex -> serve(ex, handler, true));
        return this;
    }

    /** A route that always answers (admin, holdings for the operator). */
    public SimHttpServer plain(String path, Handler handler) {
        server.createContext(path, ex -> serve(ex, handler, false));
        return this;
    }

    private void serve(HttpExchange ex, Handler handler, boolean guarded) throws IOException {
        HttpResponse response;
        try (InputStream in = ex.getRequestBody()) {
            HttpRequest req = new HttpRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    HttpRequest.parseQuery(ex.getRequestURI().getRawQuery()), in.readAllBytes());
            response = guarded ? misbehave() : null;
            if (response == null) {
                response = handler.handle(req);
            }
        } catch (HttpResponse.Failure f) {
            response = f.response();
        } catch (EnvelopeException e) {
            response = HttpResponse.error(400, e.code(), e.field(), e.getMessage());
        } catch (Exception e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            response = HttpResponse.error(500, "E_INTERNAL", "", String.valueOf(e));
        }
        byte[] bytes = response.body() == null ? new byte[0]
                : Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private HttpResponse misbehave() {
        misbehaviour.applyLatency();
        if (misbehaviour.inOutage()) {
            return HttpResponse.error(503, "E_UNAVAILABLE", "", "upstream in an outage window");
        }
        if (misbehaviour.nextRequestFails()) {
            return HttpResponse.error(500, "E_INTERNAL", "", "simulated upstream failure");
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
