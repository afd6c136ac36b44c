package org.creditgate.core.health;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.ledger.Ledger;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health of every part of the gateway. Each dependency is optional and dynamic, so the health answer is
 * available (and says which part is missing, and why) even while the ledger, the core or the cluster member is
 * down. Logs the "ready" line once, when everything is first UP.
 */
@Component(service = HealthService.class, immediate = true)
public class HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ledger ledger;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IngestGateway gateway;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HazelcastInstance cluster;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;

    private ScheduledExecutorService readyWatch;

    @Activate
    void activate() {
        readyWatch = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "creditgate-ready-watch"));
        readyWatch.scheduleWithFixedDelay(this::announceWhenReady, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        readyWatch.shutdownNow();
    }

    public HealthReport report() {
        List<ComponentHealth> parts = new ArrayList<>();
        Ledger l = ledger;
        parts.add(l == null ? ComponentHealth.down("ledger", "ledger not started (see org.creditgate.ledger.cfg and the log)")
                : l.isHealthy() ? ComponentHealth.up("ledger", "database answers")
                : ComponentHealth.down("ledger", "database does not answer"));
        IngestGateway g = gateway;
        if (g == null) {
            parts.add(ComponentHealth.down("core", "gateway core not started (see org.creditgate.core.cfg and the log)"));
        } else {
            parts.addAll(g.health());
        }
        HazelcastInstance hz = cluster;
        parts.add(hz == null ? ComponentHealth.down("cluster", "cluster member not started (see org.creditgate.cluster.cfg)")
                : hz.getLifecycleService().isRunning()
                        ? ComponentHealth.up("cluster", hz.getCluster().getMembers().size() + " member(s)")
                        : ComponentHealth.down("cluster", "cluster member is shutting down"));
        return HealthReport.of(parts);
    }

    /** Base URL of the API, from the HTTP service configuration. */
    public String apiUrl() {
        String host = "127.0.0.1";
        String port = "8181";
        try {
            ConfigurationAdmin ca = configAdmin;
            if (ca != null) {
                Configuration web = ca.getConfiguration("org.ops4j.pax.web", null);
                Dictionary<String, Object> p = web.getProperties();
                if (p != null) {
                    port = String.valueOf(p.get("org.osgi.service.http.port") == null ? port : p.get("org.osgi.service.http.port"));
                    Object addresses = p.get("org.ops4j.pax.web.listening.addresses");
                    if (addresses != null && !addresses.toString().isBlank() && !addresses.toString().contains("0.0.0.0")) {
                        host = addresses.toString().split(",")[0].trim();
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("HTTP configuration not readable, assuming defaults: {}", e.getMessage());
        }
        return "http://" + host + ":" + port + "/api/v1";
    }

    private void announceWhenReady() {
        HealthReport r = report();
        if (r.isReady()) {
            String api = apiUrl();
            LOG.info("CreditGate ready: API at {} (push records: POST {}/records, health: GET {}/health)", api, api, api);
            readyWatch.shutdown();
        }
    }
}
