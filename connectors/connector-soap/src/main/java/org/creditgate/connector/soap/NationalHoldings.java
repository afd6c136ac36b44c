package org.creditgate.connector.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.ws.WebServiceException;

import org.creditgate.connector.soap.ws.NationalFault;
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
        if (port == null) {
            port = NationalPorts.create(NationalQueryPort.class, settings);
        }
        return port;
    }
}
