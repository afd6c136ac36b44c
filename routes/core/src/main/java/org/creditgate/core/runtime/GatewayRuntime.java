package org.creditgate.core.runtime;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.creditgate.core.alert.AlertWebhook;
import org.creditgate.core.alert.AlertWebhookRoutes;
import org.creditgate.core.alert.Alerts;
import org.creditgate.core.alert.DeadlineAlerts;
import org.creditgate.core.alert.HealthAlerts;
import org.creditgate.core.alert.JmsAlertPublisher;
import org.creditgate.core.alert.WebhookSettings;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.connectors.ConnectorState;
import org.apache.camel.component.jms.JmsComponent;
import org.creditgate.core.delivery.DurableEnqueuer.BrokerStatus;
import org.creditgate.core.delivery.DeadLetters;
import org.creditgate.core.delivery.QueueDepths;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.delivery.DeliveryJms;
import org.creditgate.core.delivery.FanOut;
import org.creditgate.core.delivery.FanOutRoutes;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.delivery.ShieldSla;
import org.creditgate.core.delivery.ShieldWatch;
import org.creditgate.core.delivery.ShieldWatchRoutes;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.creditgate.core.delivery.JmsDurableEnqueuer;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.health.BrokerDisk;
import org.creditgate.core.health.HealthSettings;
import org.creditgate.core.health.ProgressMonitor;
import org.creditgate.core.health.QueueProbe;
import org.creditgate.core.health.RouteActivity;
import org.creditgate.core.health.RouteSchedules;
import org.creditgate.core.metrics.GatewayMetrics;
import org.creditgate.core.reconcile.JmsResender;
import org.creditgate.core.reconcile.ReconcileRoutes;
import org.creditgate.core.reconcile.ReconcileSchedule;
import org.creditgate.core.reconcile.Reconciler;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.AcceptedSweep;
import org.creditgate.core.ingest.AcceptedSweepRoutes;
import org.creditgate.core.ingest.IngestPipeline;
import org.creditgate.core.link.LegalRepLinker;
import org.creditgate.core.shield.JmsDepartmentEvents;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.core.shield.UpstreamRepairNotice;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.core.ingest.IngestRoutes;
import org.creditgate.core.objection.JmsObjectionNotifier;
import org.creditgate.core.objection.ObjectionChecks;
import org.creditgate.core.objection.ObjectionRoutes;
import org.creditgate.core.objection.ObjectionWatch;
import org.creditgate.core.objection.ObjectionWorkflow;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.core.schedule.HazelcastClusterService;
import org.creditgate.core.schedule.PushWindowRoutes;
import org.creditgate.core.schedule.PushWindows;
import org.creditgate.core.shield.ExpiryJob;
import org.creditgate.core.shield.ExpiryRoutes;
import org.creditgate.core.shield.RepairShields;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.model.publication.PublicationPeriods;
import org.creditgate.model.validation.RepairPolicy;
import org.creditgate.core.shield.ShieldCache;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.apache.camel.cluster.CamelClusterView;
import com.hazelcast.core.HazelcastInstance;
import org.creditgate.model.validation.RecordValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.creditgate.spi.GatewayConnector;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the gateway's CamelContext and the ingest pipeline. A DS component (not camel-blueprint: no Camel 4
 * Blueprint bundles exist for Karaf 4.4 here) that restarts when org.creditgate.core.cfg changes; the ledger and
 * the cluster member live in their own components and are not restarted with it.
 */
@Component(service = IngestGateway.class, configurationPid = CoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = CoreConfig.class)
public class GatewayRuntime implements IngestGateway {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

    @Reference
    private Ledger ledger;
    private volatile BrokerDisk brokerDisk = new BrokerDisk(KarafPaths.data(), 0);
    @Reference
    private RoutingTable routing;
    @Reference
    private HazelcastInstance hazelcast;

    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private CamelContext camel;
    private ProducerTemplate producer;
    private JmsDurableEnqueuer enqueuer;
    private CachingConnectionFactory deliveryConnections;
    private DeadLetters deadLetters;
    private DeadlineWatch deadlines;
    private PushWindows windows;
    private Reconciler reconciler;
    private ShieldWatch shieldWatch;
    private ExpiryJob expiry;
    private ShieldCache shieldCache;
    private ObjectionWatch objections;
    private GatewayMetrics metrics;
    private ProgressMonitor progress;
    private Duration healthEvery;
    private QueueDepths queueDepths;
    private Alerts alerts;

    @Activate
    void activate(CoreConfig config) throws Exception {
        brokerDisk = new BrokerDisk(KarafPaths.data().resolve("artemis"), config.broker_maxDiskUsage());
        CoreSettings settings = CoreSettings.from(config, KarafPaths.etc());
        WorkingDayCalendar calendar = calendar(settings);
        JmsConnectionFactory ingestConnections = new JmsConnectionFactory(settings.brokerUser(),
                settings.brokerPassword().value(), settings.brokerUrl());
        // a broker that stops granting credit (disk over max-disk-usage, address full) must fail the push with 503
        // within the confirmation timeout, not hold the department's request until its own timeout
        ingestConnections.setSendTimeout(settings.confirmTimeout().toMillis());
        enqueuer = new JmsDurableEnqueuer(ingestConnections, settings.ingestAddress(), settings.confirmTimeout());
        IngestPipeline pipeline = new IngestPipeline(new RecordValidator(), ledger, enqueuer, calendar,
                Clock.systemUTC(), settings.zone(), settings.maxBatchSize());
        shieldCache = new ShieldCache(hazelcast, ledger);
        pipeline.onShieldApplied(shieldCache::applied);
        JmsConnectionFactory amqp = new JmsConnectionFactory(settings.brokerUser(), settings.brokerPassword().value(),
                settings.brokerUrl());
        deliveryConnections = new CachingConnectionFactory(amqp);
        ObjectionWorkflow objectionWorkflow = new ObjectionWorkflow(ledger, new JmsObjectionNotifier(amqp),
                new ShieldIssuer(this::ingest, Clock.systemUTC(), settings.zone()), calendar, settings.zone());
        pipeline.checkTargetsWith(new ObjectionChecks(ledger));
        pipeline.checkTargetsWith(new org.creditgate.core.ingest.IssuerChecks(ledger,
                () -> routing.current().upstreams().keySet(), java.util.Set.copyOf(RepairPolicy.words(config.issue_authorities()))));
        pipeline.onAccepted(objectionWorkflow);
        deadLetters = new DeadLetters(amqp);
        queueDepths = new QueueDepths(amqp);
        deadlines = new DeadlineWatch(ledger, routing, calendar, Clock.systemUTC(), settings.zone());
        WebhookSettings webhook = WebhookSettings.from(config);
        alerts = new Alerts(new JmsAlertPublisher(amqp), WebhookSettings.keep(config), Duration.ofSeconds(30));
        HazelcastClusterService cluster = new HazelcastClusterService(hazelcast, settings.scheduleLease());
        JmsComponent delivery = DeliveryJms.component(deliveryConnections);
        metrics = new GatewayMetrics(Clock.systemUTC());
        RouteActivity activity = new RouteActivity(Clock.systemUTC());
        camel = CamelRuntimes.start("creditgate", context -> {
            context.addComponent(FanOutRoutes.JMS, delivery);
            metrics.instrument(context);
            context.getManagementStrategy().addEventNotifier(activity);
        },
                new IngestRoutes(pipeline, settings.recoveryPeriod(), settings.recoveryGrace()),
                new FanOutRoutes(settings.ingestAddress(), new FanOut(routing, ledger, Clock.systemUTC())
                        .onShieldApplied(shieldCache::applied),
                        settings.deliveryConsumers()));
        camel.addService(cluster);
        if (webhook.url().isPresent()) {
            camel.addRoutes(new AlertWebhookRoutes(FanOutRoutes.JMS, new AlertWebhook(webhook)));
            LOG.info("Alerts are POSTed to the webhook at {} (classes {})", webhook.where(), webhook.classes());
        } else {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                if (AlertWebhookRoutes.unsubscribe(amqp)) {
                    LOG.info("Alerts webhook off: its subscription on the alerts address is removed");
                }
            });
        }
        CamelClusterView schedules = cluster.getView(PushWindowRoutes.NAMESPACE);
        camel.addRoutes(reconcileRoutes(config, settings, amqp, () -> schedules.getLocalMember().isLeader()));
        JmsResender shieldResender = new JmsResender(amqp);
        shieldWatch = new ShieldWatch(ledger, shieldResender::resendShield, calendar, settings.zone(),
                Clock.systemUTC(), ShieldSla.parse(config.shield_dispatchSla()), ShieldSla.parse(config.shield_ackSla()),
                ShieldSla.duration(config.shield_resendEvery())).alertsTo(alerts);
        camel.addRoutes(new ShieldWatchRoutes(shieldWatch, config.shield_checkMs(),
                () -> schedules.getLocalMember().isLeader()));
        objections = new ObjectionWatch(ledger, objectionWorkflow, settings.zone(), Clock.systemUTC())
                .alertsTo(alerts);
        camel.addRoutes(new ObjectionRoutes(objections, config.objection_checkMs(),
                () -> schedules.getLocalMember().isLeader()));
        windows = new PushWindows(routing, ledger, calendar, settings.zone(), Clock.systemUTC(),
                () -> schedules.getLocalMember().isLeader());
        connectors.pushWindows(windows);
        connectors.laneConsumers(settings.deliveryConsumers());
        connectors.shieldLookup(shieldCache);
        camel.addRoutes(new PushWindowRoutes(windows, settings.scheduleTick()));
        camel.addRoutes(expiryRoutes(config, settings, pipeline, () -> schedules.getLocalMember().isLeader()));
        producer = camel.createProducerTemplate();
        camel.addRoutes(followAccepted(pipeline, config, settings, amqp, () -> schedules.getLocalMember().isLeader()));
        connectors.attach(camel, this::ingest, ledger, KarafPaths.data().resolve("connectors"), Clock.systemUTC());
        healthEvery = HealthSettings.checkEvery(config);
        DeadlineAlerts deadlineAlerts = new DeadlineAlerts(alerts, Clock.systemUTC());
        progress = new ProgressMonitor(connectors, activity, new QueueProbe(deliveryConnections), ledger,
                () -> deadlineAlerts.observe(deadlines.report(null)), windows, HealthSettings.thresholds(config),
                HealthSettings.supervisor(config, connectors, Clock.systemUTC()).alertsTo(alerts),
                route -> RouteSchedules.period(camel, route), Clock.systemUTC()).onCheck(new HealthAlerts(alerts));
        progress.start(healthEvery);
        metrics.attach(connectors, progress);
        LOG.info("Gateway core started: ingest to address {} on {}, batches up to {} records",
                settings.ingestAddress(), settings.brokerUrl(), settings.maxBatchSize());
    }

    /**
     * Repairs and expiry (domain.md §5.3): the repair checks' policy, the approved-repair listener and the daily expiry
     * job. Their shields go through the pipeline directly, as a department's would through the ingest route.
     */
    private ExpiryRoutes expiryRoutes(CoreConfig config, CoreSettings settings, IngestPipeline pipeline,
            BooleanSupplier leader) {
        ReconcileSchedule at = ReconcileSchedule.parse("expiry.at", config.expiry_at());
        pipeline.repairPolicy(new RepairPolicy(RepairPolicy.words(config.repair_noEarlyRepair()),
                config.repair_requireCommitment()));
        ShieldIssuer issuer = new ShieldIssuer(pipeline::ingest, Clock.systemUTC(), settings.zone());
        RepairShields repairs = new RepairShields(issuer, ledger, settings.zone());
        pipeline.onAccepted(repairs);
        expiry = new ExpiryJob(ledger, routing::current, new PublicationPeriods(
                BigDecimal.valueOf(config.expiry_gsxt_lowFinePersonYuan()),
                BigDecimal.valueOf(config.expiry_gsxt_lowFineOrgYuan())), issuer, repairs, Clock.systemUTC(),
                settings.zone(), Math.max(1, config.expiry_pageSize()));
        LOG.info("Expiry of publication periods: {}", at);
        return new ExpiryRoutes(expiry, at, Clock.systemUTC(), settings.zone(), leader);
    }

    /** Daily reconciliation: the sinks' holdings capability, resends over the broker (see {@link Reconciler}). */
    private ReconcileRoutes reconcileRoutes(CoreConfig config, CoreSettings settings, JmsConnectionFactory amqp,
            BooleanSupplier leader) {
        ReconcileSchedule schedule = ReconcileSchedule.parse(config.reconcile_at());
        if (config.reconcile_maxResends() < 0) {
            throw new IllegalArgumentException(CoreConfig.PID + ": reconcile.maxResends must be 0 or more, got "
                    + config.reconcile_maxResends());
        }
        reconciler = new Reconciler(ledger, connectors::upstreamHoldings, connectors::sinkUpstreams,
                new JmsResender(amqp), Clock.systemUTC(), config.reconcile_maxResends()).alertsTo(alerts);
        LOG.info("Reconciliation with the upstreams: {}", schedule);
        return new ReconcileRoutes(reconciler, schedule, Clock.systemUTC(), settings.zone(), leader);
    }

    /**
     * What accepted records set off and its catch-up: legal-representative links (§6.4) and the notice to a
     * department that an upstream platform repaired its record (§6.2).
     */
    private AcceptedSweepRoutes followAccepted(IngestPipeline pipeline, CoreConfig config, CoreSettings settings,
            JmsConnectionFactory amqp, BooleanSupplier leader) {
        LegalRepLinker linker = new LegalRepLinker(ledger, this::ingest,
                new ShieldIssuer(this::ingest, Clock.systemUTC(), settings.zone()), settings.zone());
        UpstreamRepairNotice notice = new UpstreamRepairNotice(ledger, new JmsDepartmentEvents(amqp));
        pipeline.onAccepted(linker);
        pipeline.onAccepted(notice);
        AcceptedSweep sweep = new AcceptedSweep(ledger, List.of("PENALTY", "LIST", "SHIELD"), List.of(linker, notice),
                Clock.systemUTC(), Duration.ofMillis(config.catchup_lookbackMs()),
                Duration.ofMillis(2 * config.catchup_periodMs()));
        return new AcceptedSweepRoutes(sweep, config.catchup_periodMs(), leader);
    }

    private static WorkingDayCalendar calendar(CoreSettings settings) {
        if (Files.isDirectory(settings.calendarDir())) {
            return WorkingDayCalendar.load(settings.calendarDir());
        }
        LOG.warn("{}: calendar.dir {} does not exist; using the calendars built into the gateway", CoreConfig.PID,
                settings.calendarDir());
        return WorkingDayCalendar.fromClasspath();
    }

    /** Connector services come and go with their bundles and configurations; DS may bind them before activation. */
    @Reference(service = GatewayConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindConnector(GatewayConnector connector) {
        connectors.bind(connector);
    }

    void unbindConnector(GatewayConnector connector) {
        connectors.unbind(connector);
    }

    @Override
    public DeadlineWatch deadlines() {
        return deadlines;
    }

    @Override
    public PushWindows pushWindows() {
        return windows;
    }

    @Override
    public Reconciler reconciler() {
        return reconciler;
    }

    @Override
    public ShieldWatch shieldWatch() {
        return shieldWatch;
    }

    @Override
    public ExpiryJob expiry() {
        return expiry;
    }

    @Override
    public ShieldCache shieldCache() {
        return shieldCache;
    }

    @Override
    public ObjectionWatch objections() {
        return objections;
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public QueueDepths queueDepths() {
        return queueDepths;
    }

    @Override
    public Alerts alerts() {
        return alerts;
    }

    @Override
    public ConnectorRegistry connectors() {
        return connectors;
    }

    @Deactivate
    void deactivate() throws Exception {
        if (progress != null) {
            progress.close();
        }
        if (alerts != null) {
            alerts.close();
        }
        connectors.detach();
        if (producer != null) {
            producer.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (enqueuer != null) {
            enqueuer.close();
        }
        if (deliveryConnections != null) {
            deliveryConnections.destroy();
        }
    }

    @Override
    public IngestResult ingest(IngestRequest request) {
        return call(IngestRoutes.INGEST, request);
    }

    @Override
    public IngestResult push(String connectorId, JsonNode body) {
        ConnectorInstance instance = connectors.find(connectorId)
                .filter(i -> i.state() == ConnectorState.RUNNING)
                .orElseThrow(() -> new IngestException(404, "NO_CONNECTOR", "no running connector " + connectorId
                        + "; GET /api/v1/connectors lists them"));
        String endpoint = instance.descriptor().pushEndpoint();
        if (camel.getRoutes().stream().noneMatch(r -> r.getRouteId().startsWith(instance.descriptor().routePrefix())
                && r.getEndpoint().equals(camel.hasEndpoint(endpoint)))) {
            throw new IngestException(404, "NOT_A_PUSH_CONNECTOR", "connector " + connectorId
                    + " does not take pushes over HTTP (it reads its source itself)");
        }
        return call(endpoint, body);
    }

    private IngestResult call(String endpoint, Object body) {
        try {
            return producer.requestBody(endpoint, body, IngestResult.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof IngestException ie) {
                throw ie;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    @Override
    public List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>(2);
        BrokerStatus broker = enqueuer.status();
        out.add(broker.up() ? ComponentHealth.up("broker", broker.detail())
                : ComponentHealth.down("broker", "cannot reach the broker: " + broker.detail()));
        if (brokerDisk.enabled()) {
            out.add(brokerDisk.check());
        }
        ServiceStatus ingest = camel.getRouteController().getRouteStatus(IngestRoutes.INGEST_ROUTE_ID);
        out.add(ingest == ServiceStatus.Started
                ? ComponentHealth.up("routes", camel.getRoutes().size() + " routes started")
                : ComponentHealth.down("routes", "route " + IngestRoutes.INGEST_ROUTE_ID + " is " + ingest));
        out.add(routing.health());
        ServiceStatus fanOut = camel.getRouteController().getRouteStatus(FanOutRoutes.ROUTE_ID);
        if (fanOut != ServiceStatus.Started) {
            out.add(ComponentHealth.down("fanout", "route " + FanOutRoutes.ROUTE_ID + " is " + fanOut));
        }
        out.addAll(progress == null ? connectors.health() : progress.health());
        return out;
    }

    @Override
    public java.util.Optional<String> liveness() {
        if (camel != null && (camel.isStopped() || camel.getStatus() == ServiceStatus.Stopping)) {
            return java.util.Optional.of("the gateway's CamelContext is " + camel.getStatus());
        }
        return progress == null ? java.util.Optional.empty() : progress.liveness(healthEvery);
    }

    @Override
    public java.util.Optional<GatewayMetrics> metrics() {
        return java.util.Optional.ofNullable(metrics);
    }
}
