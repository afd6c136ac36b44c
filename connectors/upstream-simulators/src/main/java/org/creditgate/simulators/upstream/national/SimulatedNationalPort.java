package org.creditgate.simulators.upstream.national;

import javax.jws.WebService;

import org.creditgate.simulators.upstream.core.BatchIntake;
import org.creditgate.simulators.upstream.core.EnvelopeException;
import org.creditgate.simulators.upstream.core.EnvelopeHeader;
import org.creditgate.simulators.upstream.core.Misbehaviour;
import org.creditgate.simulators.upstream.core.QueryApi;
import org.creditgate.simulators.upstream.core.RecordResult;
import org.creditgate.simulators.upstream.national.ws.NationalExchangePort;
import org.creditgate.simulators.upstream.national.ws.NationalFault;
import org.creditgate.simulators.upstream.national.ws.NationalFaultInfo;
import org.creditgate.simulators.upstream.national.ws.NationalNs;
import org.creditgate.simulators.upstream.national.ws.QueryHoldings;
import org.creditgate.simulators.upstream.national.ws.QueryHoldingsResponse;
import org.creditgate.simulators.upstream.national.ws.QueryStatus;
import org.creditgate.simulators.upstream.national.ws.QueryStatusResponse;
import org.creditgate.simulators.upstream.national.ws.SubmitBatch;
import org.creditgate.simulators.upstream.national.ws.SubmitBatchResponse;

/** The simulator's implementation of the national port type, on the common intake. */
@WebService(serviceName = NationalNs.SERVICE, portName = NationalNs.PORT, targetNamespace = NationalNs.NS,
        endpointInterface = "org.creditgate.simulators.upstream.national.ws.NationalExchangePort")
public class SimulatedNationalPort implements NationalExchangePort {

    private final BatchIntake intake;
    private final Misbehaviour misbehaviour;

    SimulatedNationalPort(BatchIntake intake) {
        this.intake = intake;
        this.misbehaviour = intake.misbehaviour();
    }

    @Override
    public SubmitBatchResponse submitBatch(SubmitBatch request) throws NationalFault {
        misbehave();
        SubmitBatchResponse response = new SubmitBatchResponse();
        try {
            response.receipt = WsMapping.receipt(intake.process(WsMapping.envelope(request)));
        } catch (EnvelopeException e) {
            throw fault("BAD_REQUEST", e.field(), e.getMessage());
        }
        return response;
    }

    @Override
    public QueryStatusResponse queryStatus(QueryStatus request) throws NationalFault {
        misbehave();
        QueryStatusResponse response = new QueryStatusResponse();
        if (request.msgId != null) {
            var receipt = intake.receipt(request.msgId);
            response.state = receipt.isPresent() ? QueryApi.DONE : QueryApi.UNKNOWN;
            response.receipt = receipt.map(WsMapping::receipt).orElse(null);
            return response;
        }
        if (request.recordId == null || request.version == null) {
            throw fault("BAD_REQUEST", "recordId", "give msgId, or recordId and version");
        }
        var status = intake.recordStatus(request.recordId, request.version,
                EnvelopeHeader.SHIELD.equals(request.msgType));
        RecordResult last = (RecordResult) status.get("lastResult");
        response.state = last == null ? QueryApi.UNKNOWN : QueryApi.DONE;
        response.lastResult = last == null ? null : WsMapping.result(last);
        response.timesReceived = (Integer) status.get("timesReceived");
        response.held = (Boolean) status.get("held");
        response.holding = intake.store().holding(request.recordId).map(WsMapping::holding).orElse(null);
        return response;
    }

    @Override
    public QueryHoldingsResponse queryHoldings(QueryHoldings request) throws NationalFault {
        misbehave();
        QueryHoldingsResponse response = new QueryHoldingsResponse();
        response.generatedAt = misbehaviour.now().toString();
        response.holdings = intake.store().holdings().values().stream()
                .filter(h -> request.dataset == null || request.dataset.equals(h.dataset()))
                .map(WsMapping::holding).toList();
        response.count = response.holdings.size();
        return response;
    }

    private void misbehave() throws NationalFault {
        misbehaviour.applyLatency();
        if (misbehaviour.inOutage()) {
            throw fault("UNAVAILABLE", "", "全国平台维护中 (outage window)");
        }
        if (misbehaviour.nextRequestFails()) {
            throw fault("INTERNAL", "", "simulated upstream failure");
        }
    }

    private static NationalFault fault(String code, String field, String message) {
        return new NationalFault(message, new NationalFaultInfo(code, field, message));
    }
}
