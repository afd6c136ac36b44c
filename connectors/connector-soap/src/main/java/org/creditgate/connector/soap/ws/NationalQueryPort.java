package org.creditgate.connector.soap.ws;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;

/**
 * The national platform's reconciliation operations (same port type and endpoint as {@link NationalExchangePort}):
 * queryStatus and queryHoldings. A separate Java-first interface so the delivery client stays as it is; document/
 * literal bare dispatches on the request element, so one endpoint serves both proxies.
 */
@WebService(name = NationalNs.PORT, targetNamespace = NationalNs.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface NationalQueryPort {

    @WebMethod(operationName = "queryStatus")
    @WebResult(name = "queryStatusResponse", targetNamespace = NationalNs.NS, partName = "parameters")
    QueryStatusResponse queryStatus(
            @WebParam(name = "queryStatus", targetNamespace = NationalNs.NS, partName = "parameters")
            QueryStatus request) throws NationalFault;

    @WebMethod(operationName = "queryHoldings")
    @WebResult(name = "queryHoldingsResponse", targetNamespace = NationalNs.NS, partName = "parameters")
    QueryHoldingsResponse queryHoldings(
            @WebParam(name = "queryHoldings", targetNamespace = NationalNs.NS, partName = "parameters")
            QueryHoldings request) throws NationalFault;
}
