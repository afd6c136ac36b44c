package org.creditgate.core.rest;

import java.util.Optional;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.creditgate.core.auth.DepartmentDirectory;
import org.creditgate.core.auth.OperatorAuthenticator;
import org.creditgate.core.auth.UpstreamDirectory;
import org.creditgate.core.health.HealthService;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.runtime.CoreConfig;
import org.creditgate.ledger.Ledger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link GatewayApi} on CXF's servlet (context /api, see org.apache.cxf.osgi.cfg) at /v1. The gateway
 * and the ledger are optional, dynamic references: the API stays up and answers 503 with the reason while they
 * restart, and health keeps answering.
 */
@Component(configurationPid = CoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class RestServer implements GatewayApi.Backend {

    static final String ADDRESS = "/v1";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    @Reference
    private DepartmentDirectory departments;
    @Reference
    private HealthService health;
    @Reference
    private UpstreamDirectory upstreams;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IngestGateway gateway;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ledger ledger;

    private final OperatorAuthenticator operators = new OperatorAuthenticator("karaf");
    private volatile long maxRequestBytes;
    private Server server;

    @Activate
    void activate(CoreConfig config) {
        maxRequestBytes = config.ingest_maxRequestBytes();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setResourceClasses(GatewayApi.class, ConnectorsApi.class, DeadLettersApi.class, DeadlinesApi.class,
                SchedulesApi.class, ReconciliationApi.class, ShieldsApi.class, ExpiryApi.class, UpstreamsApi.class,
                ObjectionsApi.class, MetricsApi.class, AlertsApi.class, LineageApi.class, OperatorApi.class);
        factory.setResourceProvider(GatewayApi.class, new SingletonResourceProvider(new GatewayApi(this)));
        factory.setResourceProvider(ConnectorsApi.class, new SingletonResourceProvider(new ConnectorsApi(this)));
        factory.setResourceProvider(DeadLettersApi.class, new SingletonResourceProvider(new DeadLettersApi(this)));
        factory.setResourceProvider(DeadlinesApi.class, new SingletonResourceProvider(new DeadlinesApi(this)));
        factory.setResourceProvider(SchedulesApi.class, new SingletonResourceProvider(new SchedulesApi(this)));
        factory.setResourceProvider(ReconciliationApi.class, new SingletonResourceProvider(new ReconciliationApi(this)));
        factory.setResourceProvider(ShieldsApi.class, new SingletonResourceProvider(new ShieldsApi(this)));
        factory.setResourceProvider(ExpiryApi.class, new SingletonResourceProvider(new ExpiryApi(this)));
        factory.setResourceProvider(UpstreamsApi.class, new SingletonResourceProvider(new UpstreamsApi(this)));
        factory.setResourceProvider(ObjectionsApi.class, new SingletonResourceProvider(new ObjectionsApi(this)));
        factory.setResourceProvider(MetricsApi.class, new SingletonResourceProvider(new MetricsApi(this)));
        factory.setResourceProvider(AlertsApi.class, new SingletonResourceProvider(new AlertsApi(this)));
        factory.setResourceProvider(LineageApi.class, new SingletonResourceProvider(new LineageApi(this)));
        factory.setResourceProvider(OperatorApi.class, new SingletonResourceProvider(new OperatorApi(this)));
        factory.setProvider(new ScriptChallengeFilter());
        // JAX-RS finds its RuntimeDelegate through the context class loader: point it at CXF while publishing
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("REST API published at {}", health.apiUrl());
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    public DepartmentDirectory departments() {
        return departments;
    }

    @Override
    public UpstreamDirectory upstreams() {
        return upstreams;
    }

    @Override
    public HealthService health() {
        return health;
    }

    @Override
    public Optional<IngestGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    @Override
    public Optional<Ledger> ledger() {
        return Optional.ofNullable(ledger);
    }

    @Override
    public OperatorAuthenticator operators() {
        return operators;
    }

    @Override
    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}
