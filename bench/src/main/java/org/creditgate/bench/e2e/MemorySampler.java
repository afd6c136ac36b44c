package org.creditgate.bench.e2e;

import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Samples the gateway JVM once a second: heap used (Karaf's JMX, {@code java.lang:type=Memory}) and resident set
 * size ({@code /proc/<pid>/status} VmRSS). At the end: the JVM's own peak of heap used (sum of the heap pools'
 * {@code PeakUsage}, exact, not sampled) and the kernel's peak RSS (VmHWM).
 */
public final class MemorySampler implements AutoCloseable {

    private final long pid;
    private final String jmxUrl;
    private final Timeline timeline;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String jmxFailure;
    private JMXConnector connector;
    private MBeanServerConnection mbeans;
    private double maxSampledHeapMb;
    private double maxSampledRssMb;
    private double maxHeapMb = -1;

    public MemorySampler(long pid, String jmxUrl, Timeline timeline) {
        this.pid = pid;
        this.jmxUrl = jmxUrl;
        this.timeline = timeline;
        this.thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
    }

    public MemorySampler start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        Instant now = Instant.now();
        double rss = procStatusKb("VmRSS") / 1024.0;
        if (rss > 0) {
            maxSampledRssMb = Math.max(maxSampledRssMb, rss);
            timeline.gauge("RSS", now, rss);
        }
        try {
            MemoryUsage heap = MemoryUsage.from((CompositeData) jmx().getAttribute(new ObjectName("java.lang:type=Memory"),
                    "HeapMemoryUsage"));
            double used = heap.getUsed() / 1048576.0;
            maxSampledHeapMb = Math.max(maxSampledHeapMb, used);
            maxHeapMb = heap.getMax() / 1048576.0;
            timeline.gauge("heap used", now, used);
            timeline.gauge("heap committed", now, heap.getCommitted() / 1048576.0);
        } catch (Exception e) {
            jmxFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            closeJmx();
        }
    }

    private MBeanServerConnection jmx() throws Exception {
        if (mbeans == null) {
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"});
            connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl), env);
            mbeans = connector.getMBeanServerConnection();
        }
        return mbeans;
    }

    /** Sum over the heap memory pools of their peak usage since the JVM started, in MB; -1 when JMX failed. */
    public synchronized double peakHeapMb() {
        try {
            double sum = 0;
            Set<ObjectName> pools = jmx().queryNames(new ObjectName("java.lang:type=MemoryPool,name=*"), null);
            for (ObjectName pool : pools) {
                if ("HEAP".equals(String.valueOf(jmx().getAttribute(pool, "Type")))) {
                    sum += MemoryUsage.from((CompositeData) jmx().getAttribute(pool, "PeakUsage")).getUsed();
                }
            }
            return sum / 1048576.0;
        } catch (Exception e) {
            jmxFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            return -1;
        }
    }

    public synchronized double maxSampledHeapMb() {
        return maxSampledHeapMb;
    }

    public synchronized double maxHeapMb() {
        return maxHeapMb;
    }

    public synchronized double maxSampledRssMb() {
        return maxSampledRssMb;
    }

    /** VmHWM: the kernel's peak resident set size of the gateway process, in MB. */
    public double peakRssMb() {
        return procStatusKb("VmHWM") / 1024.0;
    }

    public String jmxFailure() {
        return jmxFailure;
    }

    private long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (Exception e) {
            // not Linux, or the process has gone
        }
        return -1;
    }

    private void closeJmx() {
        try {
            if (connector != null) {
                connector.close();
            }
        } catch (Exception ignored) {
            // best effort
        }
        connector = null;
        mbeans = null;
    }

    @Override
    public synchronized void close() {
        running = false;
        thread.interrupt();
        closeJmx();
    }
}
