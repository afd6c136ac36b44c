package org.creditgate.connector.court.ws;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;

/**
 * The court's port type. Bare parameter style with explicit request/response elements, so CXF needs no generated
 * wrapper classes (no ASM class generation inside Karaf).
 */
@WebService(name = CourtNs.PORT, targetNamespace = CourtNs.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface DishonestExecuteePort {

    @WebMethod(operationName = "queryChanges")
    @WebResult(name = "queryChangesResponse", targetNamespace = CourtNs.NS, partName = "parameters")
    QueryChangesResponse queryChanges(
            @WebParam(name = "queryChanges", targetNamespace = CourtNs.NS, partName = "parameters")
            QueryChanges request) throws CourtFault;
}
