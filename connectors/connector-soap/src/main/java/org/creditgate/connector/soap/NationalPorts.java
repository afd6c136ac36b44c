package org.creditgate.connector.soap;

import javax.xml.namespace.QName;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.creditgate.connector.soap.ws.NationalNs;

/** A CXF client proxy of the national platform's service, configured from the instance's settings. */
final class NationalPorts {

    private NationalPorts() {
    }

    /** {@code type}: the port interface (the exchange port for delivery, the query port for reconciliation). */
    static <T> T create(Class<T> type, SoapSettings settings) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // inside Karaf CXF resolves JAXB and its extensions through the context class loader: make it ours
        thread.setContextClassLoader(NationalPorts.class.getClassLoader());
        try {
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setServiceClass(type);
            factory.setServiceName(new QName(NationalNs.NS, NationalNs.SERVICE));
            factory.setEndpointName(new QName(NationalNs.NS, NationalNs.PORT));
            factory.setAddress(settings.endpoint().toString());
            T port = factory.create(type);
            HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
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
            return port;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
