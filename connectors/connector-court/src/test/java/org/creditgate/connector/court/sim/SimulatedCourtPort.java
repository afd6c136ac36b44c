package org.creditgate.connector.court.sim;

import java.util.List;

import javax.jws.WebService;

import org.creditgate.connector.court.ws.CourtFault;
import org.creditgate.connector.court.ws.CourtFaultInfo;
import org.creditgate.connector.court.ws.CourtNs;
import org.creditgate.connector.court.ws.DishonestExecuteePort;
import org.creditgate.connector.court.ws.ExecuteeChange;
import org.creditgate.connector.court.ws.QueryChanges;
import org.creditgate.connector.court.ws.QueryChangesResponse;

/** The simulator's implementation of the court's port type, answering from {@link CourtSimulator}'s feed. */
@WebService(serviceName = CourtNs.SERVICE, portName = CourtNs.PORT, targetNamespace = CourtNs.NS,
        endpointInterface = "org.creditgate.connector.court.ws.DishonestExecuteePort",
        wsdlLocation = CourtNs.WSDL)
public class SimulatedCourtPort implements DishonestExecuteePort {

    /** The court's own cap on one page. */
    static final int MAX_ROWS = 1000;

    private final CourtSimulator sim;

    SimulatedCourtPort(CourtSimulator sim) {
        this.sim = sim;
    }

    @Override
    public QueryChangesResponse queryChanges(QueryChanges request) throws CourtFault {
        sim.recordCall(request.getAfterSeq(), request.getMaxRows());
        sim.holdWhileHung();
        if (sim.takeFault()) {
            throw new CourtFault("服务繁忙，请稍后再试", new CourtFaultInfo("BUSY", "service busy"));
        }
        if (!CourtSimulator.ACCOUNT.equals(request.getAccount())
                || !CourtSimulator.PASSWORD.equals(request.getPassword())) {
            throw new CourtFault("用户名或密码错误", new CourtFaultInfo("AUTH", "authentication failed"));
        }
        if (request.getMaxRows() < 1) {
            throw new CourtFault("maxRows 必须大于 0", new CourtFaultInfo("BAD_REQUEST", "maxRows < 1"));
        }
        int rows = Math.min(request.getMaxRows(), MAX_ROWS);
        List<ExecuteeChange> found = sim.after(request.getAfterSeq(), rows);
        boolean more = found.size() > rows;
        return new QueryChangesResponse(sim.lastSeq(), more, more ? found.subList(0, rows) : found);
    }
}
