package org.creditgate.connector.soap.ws;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;

/**
 * The national platform's port type as far as the sink needs it: submit a batch, get the receipt synchronously.
 * (The platform also has queryStatus and queryHoldings, for reconciliation; not used here.)
 */
@WebService(name = NationalNs.PORT, targetNamespace = NationalNs.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface NationalExchangePort {

    @WebMethod(operationName = "submitBatch")
    @WebResult(name = "submitBatchResponse", targetNamespace = NationalNs.NS, partName = "parameters")
    SubmitBatchResponse submitBatch(
            @WebParam(name = "submitBatch", targetNamespace = NationalNs.NS, partName = "parameters")
            SubmitBatch request) throws NationalFault;
}
