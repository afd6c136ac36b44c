package org.creditgate.simulators.upstream.national;

import javax.xml.namespace.QName;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.creditgate.simulators.upstream.core.AdminApi;
import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.Ports;
import org.creditgate.simulators.upstream.core.QueryApi;
import org.creditgate.simulators.upstream.core.SimHttpServer;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.national.ws.NationalExchangePort;
import org.creditgate.simulators.upstream.national.ws.NationalNs;

/**
 * 全国信用信息共享平台: a SOAP web service (a real CXF 3.6 server on Jetty) whose {@code submitBatch} answers the
 * receipt synchronously, one result per record; {@code queryStatus} and {@code queryHoldings} for reconciliation.
 * The admin API (and the holdings as JSON) is on a second, plain HTTP port (README, "national").
 */
public final class NationalSimulator implements AutoCloseable {

    public static final String UPSTREAM = "national";

    private final Misbehaviour misbehaviour = new Misbehaviour();
    private final UpstreamStore store = new UpstreamStore();
    private final BatchIntake intake = new BatchIntake(UPSTREAM, store, misbehaviour);
    private Bus bus;
    private Server server;
    private SimHttpServer admin;
    private String url;

    /** The SOAP service on 127.0.0.1:{@code port}, the admin API on {@code adminPort}; 0 picks free ports. */
    public NationalSimulator start(int port, int adminPort) {
        int actual = port == 0 ? Ports.free() : port;
        url = "http://127.0.0.1:" + actual + NationalNs.PATH;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(NationalSimulator.class.getClassLoader());
        try {
            // its own bus, so closing the simulator releases the port and leaves any client alone
            bus = BusFactory.newInstance().createBus();
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setServiceClass(NationalExchangePort.class);
            factory.setServiceBean(new SimulatedNationalPort(intake));
            factory.setServiceName(new QName(NationalNs.NS, NationalNs.SERVICE));
            factory.setEndpointName(new QName(NationalNs.NS, NationalNs.PORT));
            factory.setAddress(url);
            // the faults it serves on purpose are not worth a stack trace
            factory.getProperties(true).put(FaultListener.class.getName(), (FaultListener) (e, d, m) -> false);
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        admin = new SimHttpServer(UPSTREAM + "-admin", adminPort, misbehaviour)
                .plain("/national/v1/holdings", req -> QueryApi.holdings(intake, req))
                .plain("/national/v1/status", req -> QueryApi.status(intake, req, msgId -> true));
        AdminApi.register(admin, intake);
        admin.start();
        return this;
    }

    public NationalSimulator start(int port) {
        return start(port, 0);
    }

    /** The SOAP endpoint, {@code http://127.0.0.1:<port>/national/ws/exchange} (WSDL: {@code ?wsdl}). */
    public String url() {
        return url;
    }

    /** {@code http://127.0.0.1:<adminPort>} (admin calls under {@code /admin/}). */
    public String adminUrl() {
        return admin.baseUrl();
    }

    public UpstreamStore store() {
        return store;
    }

    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    public BatchIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
        if (admin != null) {
            admin.close();
        }
    }

    /** {@code NationalSimulator [port] [adminPort]} (defaults 8302, 8312). */
    public static void main(String[] args) throws InterruptedException {
        NationalSimulator sim = new NationalSimulator().start(args.length > 0 ? Integer.parseInt(args[0]) : 8302,
                args.length > 1 ? Integer.parseInt(args[1]) : 8312);
        System.out.println("National simulator at " + sim.url() + "?wsdl (admin " + sim.adminUrl() + "/admin/state)");
        Ports.awaitShutdown(sim);
    }
}
