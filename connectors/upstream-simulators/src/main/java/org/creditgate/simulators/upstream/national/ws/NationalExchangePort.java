package org.creditgate.simulators.upstream.national.ws;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;

/** The national platform's port type: submit a batch (synchronous receipt), query a status, list holdings. */
@WebService(name = NationalNs.PORT, targetNamespace = NationalNs.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface NationalExchangePort {

    @WebMethod(operationName = "submitBatch")
    @WebResult(name = "submitBatchResponse", targetNamespace = NationalNs.NS, partName = "parameters")
    SubmitBatchResponse submitBatch(
            @WebParam(name = "submitBatch", targetNamespace = NationalNs.NS, partName = "parameters")
            SubmitBatch request) throws NationalFault;

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
