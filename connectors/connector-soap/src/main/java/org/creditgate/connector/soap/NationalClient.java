package org.creditgate.connector.soap;

import org.creditgate.spi.delivery.PoisonMessageException;
import javax.xml.ws.WebServiceException;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.logging.FaultListener;
import org.creditgate.connector.soap.ws.NationalExchangePort;
import org.creditgate.connector.soap.ws.NationalFault;
import org.creditgate.connector.soap.ws.SubmitBatch;
import org.creditgate.connector.soap.ws.WsReceipt;

/**
 * Plain CXF 3.6 JAX-WS client of the national platform (camel-cxf is jakarta in Camel 4; the gateway's Karaf runs
 * javax CXF 3.6). Java-first from the copied contract classes, so no WSDL is fetched. The proxy is created on first
 * use and reused; CXF proxies are safe for concurrent calls as long as the request context is not changed per call.
 */
final class NationalClient implements AutoCloseable {

    /** Fault codes of the national platform: an outage or a failure on its side, worth retrying. */
    static final String UNAVAILABLE = "UNAVAILABLE";
    static final String INTERNAL = "INTERNAL";
    private static final int MAX_CAUSES = 3;
    /** The route logs one line per failed call; CXF's own stack-trace logging is switched off for this client. */
    private static final FaultListener ROUTE_LOGS_IT = (exception, description, message) -> false;

    private final SoapSettings settings;
    private NationalExchangePort port;
    private Client client;

    NationalClient(SoapSettings settings) {
        this.settings = settings;
    }

    /**
     * Submits one batch and returns the platform's synchronous receipt.
     *
     * @throws UpstreamUnavailableException fault UNAVAILABLE/INTERNAL, unreachable, timeout: retry later
     * @throws PoisonMessageException       fault BAD_REQUEST (or any other code): the batch itself is unusable
     */
    WsReceipt submit(SubmitBatch batch) {
        try {
            WsReceipt receipt = port().submitBatch(batch).receipt;
            if (receipt == null) {
                throw new UpstreamUnavailableException("national " + settings.endpoint() + " answered without a receipt",
                        null);
            }
            return receipt;
        } catch (NationalFault fault) {
            String code = fault.getFaultInfo() == null ? "?" : fault.getFaultInfo().code;
            String text = "national " + settings.endpoint() + " answered fault " + code + ": " + fault.getMessage();
            if (UNAVAILABLE.equals(code) || INTERNAL.equals(code) || "?".equals(code)) {
                throw new UpstreamUnavailableException(text, fault);
            }
            throw new PoisonMessageException(text);
        } catch (WebServiceException e) {
            throw new UpstreamUnavailableException("national " + settings.endpoint() + " not reachable: " + oneLine(e), e);
        }
    }

    private synchronized NationalExchangePort port() {
        if (port == null) {
            NationalExchangePort created = NationalPorts.create(NationalExchangePort.class, settings);
            client = ClientProxy.getClient(created);
            client.getEndpoint().put(FaultListener.class.getName(), ROUTE_LOGS_IT);
            port = created;
        }
        return port;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.destroy();
            client = null;
            port = null;
        }
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
