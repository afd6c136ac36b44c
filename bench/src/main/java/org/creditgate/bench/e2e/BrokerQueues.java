package org.creditgate.bench.e2e;

import java.io.IOException;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Queue depths of the gateway's embedded Artemis broker over Karaf's JMX (user karaf): how many messages wait on
 * an address's queues — the backlog as the broker holds it, not as the benchmark assumes it.
 */
public final class BrokerQueues implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;

    private BrokerQueues(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
    }

    public static BrokerQueues connect(String jmxUrl) throws IOException {
        return new BrokerQueues(JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"})));
    }

    /** Messages on every queue of the address (0 when the address does not exist yet). */
    public long messageCount(String address) throws Exception {
        long total = 0;
        for (ObjectName q : mbeans.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*,component=addresses,"
                + "address=" + ObjectName.quote(address) + ",subcomponent=queues,*"), null)) {
            total += ((Number) mbeans.getAttribute(q, "MessageCount")).longValue();
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
