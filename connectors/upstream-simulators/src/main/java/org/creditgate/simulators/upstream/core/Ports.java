package org.creditgate.simulators.upstream.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;

/** Small helpers for the simulators' {@code main}s. */
public final class Ports {

    private Ports() {
    }

    /** A free local port (for servers that cannot bind port 0 themselves, like CXF's Jetty). */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks until the JVM shuts down (Ctrl-C), closing {@code toClose} first. */
    public static void awaitShutdown(AutoCloseable... toClose) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("closing " + c + ": " + e);
                }
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
