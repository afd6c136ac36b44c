package org.creditgate.connector.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.namespace.QName;
import javax.xml.ws.WebServiceException;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.creditgate.connector.soap.ws.NationalFault;
import org.creditgate.connector.soap.ws.NationalNs;
import org.creditgate.connector.soap.ws.NationalQueryPort;
import org.creditgate.connector.soap.ws.QueryHoldings;
import org.creditgate.connector.soap.ws.QueryHoldingsResponse;
import org.creditgate.connector.soap.ws.QueryStatus;
import org.creditgate.connector.soap.ws.QueryStatusResponse;
import org.creditgate.connector.soap.ws.WsError;
import org.creditgate.connector.soap.ws.WsHolding;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;

/**
 * Reconciliation queries of the national platform over its SOAP port: {@code queryHoldings} and {@code queryStatus}
 * (by recordId + version), with the sink's endpoint, timeouts and credentials. A proxy per instance, made on first
 * use (inside Karaf CXF needs this bundle's class loader as the context class loader while it is built).
 */
final class NationalHoldings implements UpstreamHoldings {

    private final SoapSettings settings;
    private NationalQueryPort port;

    NationalHoldings(SoapSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Holding> holdings(String dataset) {
        QueryHoldings q = new QueryHoldings();
        q.dataset = dataset;
        try {
            QueryHoldingsResponse r = port().queryHoldings(q);
            List<Holding> out = new ArrayList<>();
            for (WsHolding h : r.holdings) {
                out.add(new Holding(h.recordId, h.dataset, h.version, h.withdrawn));
            }
            return out;
        } catch (NationalFault | WebServiceException e) {
            throw new UpstreamUnavailableException("national " + settings.endpoint() + " queryHoldings: "
                    + NationalClient.oneLine(e), e);
        }
    }

    @Override
    public RecordStatus status(DeliveryRef ref) {
        QueryStatus q = new QueryStatus();
        q.recordId = ref.recordId();
        q.version = ref.version();
        try {
            QueryStatusResponse r = port().queryStatus(q);
            Integer heldVersion = r.holding == null ? null : r.holding.version;
            if (Boolean.TRUE.equals(r.held)) {
                return new RecordStatus(State.HELD, heldVersion, null);
            }
            if (r.lastResult != null && "REJECTED".equals(r.lastResult.status)) {
                List<String> errors = new ArrayList<>();
                for (WsError e : r.lastResult.errors) {
                    errors.add(e.code + " " + e.field + ": " + e.msg);
                }
                return new RecordStatus(State.REJECTED, heldVersion,
                        PublicProjection.maskIdNumbersIn(String.join("; ", errors)));
            }
            return new RecordStatus(State.NOT_HELD, heldVersion, null);
        } catch (NationalFault | WebServiceException e) {
            throw new UpstreamUnavailableException("national " + settings.endpoint() + " queryStatus: "
                    + NationalClient.oneLine(e), e);
        }
    }

    private synchronized NationalQueryPort port() {
        if (port != null) {
            return port;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(NationalHoldings.class.getClassLoader());
        try {
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setServiceClass(NationalQueryPort.class);
            factory.setServiceName(new QName(NationalNs.NS, NationalNs.SERVICE));
            factory.setEndpointName(new QName(NationalNs.NS, NationalNs.PORT));
            factory.setAddress(settings.endpoint().toString());
            NationalQueryPort created = factory.create(NationalQueryPort.class);
            Client c = ClientProxy.getClient(created);
            HTTPConduit conduit = (HTTPConduit) c.getConduit();
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.connectTimeout().toMillis());
            policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
            conduit.setClient(policy);
            if (settings.username().isPresent()) {
                AuthorizationPolicy auth = new AuthorizationPolicy();
                auth.setUserName(settings.username().get());
                auth.setPassword(settings.password().orElseThrow().reveal());
                conduit.setAuthorization(auth);
            }
            port = created;
            return port;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
