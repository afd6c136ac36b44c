package org.creditgate.connector.court;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.xml.namespace.QName;
import javax.xml.ws.WebServiceException;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.creditgate.connector.court.ws.CourtFault;
import org.creditgate.connector.court.ws.CourtNs;
import org.creditgate.connector.court.ws.DishonestExecuteePort;
import org.creditgate.connector.court.ws.QueryChanges;
import org.creditgate.connector.court.ws.QueryChangesResponse;

/**
 * Plain CXF 3.6 JAX-WS client of the court's service (camel-cxf is not usable here: Camel 4's CXF is jakarta, the
 * gateway's Karaf runs javax CXF 3.6). One proxy per connector instance, reused across polls; not thread-safe, and
 * the single timer thread is its only caller.
 */
final class CourtClient implements CourtSource {

    private static final int MAX_CAUSES = 3;
    /**
     * CXF logs every failed call with a stack trace ("Interceptor … has thrown exception, unwinding now"); the
     * route already logs one line per failed poll, so that default logging is switched off for this client.
     */
    private static final FaultListener ROUTE_LOGS_IT = (exception, description, message) -> false;

    private final CourtSettings settings;
    private final DishonestExecuteePort port;
    private final Client client;

    CourtClient(CourtSettings settings) {
        this.settings = settings;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // inside Karaf CXF resolves JAXB and its extensions through the context class loader: make it ours
        thread.setContextClassLoader(CourtClient.class.getClassLoader());
        try {
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setServiceClass(DishonestExecuteePort.class);
            factory.setWsdlURL(CourtClient.class.getClassLoader().getResource(CourtNs.WSDL).toString());
            factory.setServiceName(new QName(CourtNs.NS, CourtNs.SERVICE));
            factory.setEndpointName(new QName(CourtNs.NS, CourtNs.PORT));
            factory.setAddress(settings.endpoint().toString());
            this.port = factory.create(DishonestExecuteePort.class);
            this.client = ClientProxy.getClient(port);
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.connectTimeout().toMillis());
            policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
            ((HTTPConduit) client.getConduit()).setClient(policy);
            client.getEndpoint().put(FaultListener.class.getName(), ROUTE_LOGS_IT);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * One SOAP call at a time, on its own thread, so a call has a deadline as a whole: the receive timeout bounds
     * each read only, and a court (or a proxy) that sends a byte every few seconds would hold the poll for ever.
     */
    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "court-client");
        t.setDaemon(true);
        return t;
    });

    @Override
    public QueryChangesResponse page(long afterSeq, int maxRows) {
        QueryChanges request = new QueryChanges(settings.account(), settings.password().reveal(), afterSeq, maxRows);
        Duration deadline = settings.connectTimeout().plus(settings.receiveTimeout());
        Future<QueryChangesResponse> call = caller.submit(() -> port.queryChanges(request));
        try {
            return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CourtPullException("court " + settings.endpoint() + " sent no complete answer within " + deadline
                    + " (connectTimeout + receiveTimeout); call abandoned");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CourtPullException("call to court " + settings.endpoint() + " interrupted (stopping)");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private CourtPullException failure(Throwable e) {
        if (e instanceof CourtFault fault) {
            String code = fault.getFaultInfo() == null ? "?" : fault.getFaultInfo().getCode();
            return new CourtPullException("court " + settings.endpoint() + " answered fault " + code + ": "
                    + firstLine(fault), fault);
        }
        if (e instanceof WebServiceException && e.getCause() instanceof Fault) {
            // it answered, but nothing a SOAP client can read: HTML, JSON, a DTD, truncated or malformed XML
            return new CourtPullException("court " + settings.endpoint() + " answered no readable SOAP response: "
                    + oneLine(e), e);
        }
        if (e instanceof WebServiceException) {
            return new CourtPullException("court " + settings.endpoint() + " not reachable: " + oneLine(e), e);
        }
        return new CourtPullException("court " + settings.endpoint() + " call failed: " + oneLine(e), e);
    }

    @Override
    public void close() {
        caller.shutdownNow();
        client.destroy();
    }

    /** The exception and its causes in one line: "Could not send Message. (ConnectException: Connection refused)". */
    static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder(firstLine(e));
        String sep = " (";
        int depth = 0;
        for (Throwable c = e.getCause(); c != null && c != e && depth < MAX_CAUSES; c = c.getCause(), depth++) {
            b.append(sep).append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                b.append(": ").append(firstLine(c));
            }
            sep = " <- ";
        }
        return depth == 0 ? b.toString() : b.append(')').toString();
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
