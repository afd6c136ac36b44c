/**
 * The court's 失信被执行人 SOAP contract ({@code wsdl/dishonest-executee.wsdl}) as JAX-WS/JAXB classes (javax, CXF 3.6).
 *
 * <p>Written by hand rather than generated: the only cxf-codegen-plugin in the repository we build against is
 * 3.6.9 while the runtime is 3.6.10, and the contract is one operation with four types. Drift is caught by the
 * simulator, which publishes the WSDL file itself (not these classes), so a mismatch fails every route test.
 */
@XmlSchema(namespace = CourtNs.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.creditgate.connector.court.ws;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
