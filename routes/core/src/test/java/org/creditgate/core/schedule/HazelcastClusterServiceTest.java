package org.creditgate.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two gateway nodes on one Hazelcast cluster: exactly one leads the schedules, and the other takes over. */
class HazelcastClusterServiceTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    private HazelcastInstance a;
    private HazelcastInstance b;
    private CamelContext nodeA;
    private CamelContext nodeB;

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : new CamelContext[] {nodeA, nodeB}) {
            if (c != null) {
                c.close();
            }
        }
        Hazelcast.shutdownAll();
    }

    @Test
    void exactlyOneNodeLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
        a = Hazelcast.newHazelcastInstance(config(5901));
        b = Hazelcast.newHazelcastInstance(config(5901));
        nodeA = node(a);
        nodeB = node(b);
        CamelClusterView viewA = nodeA.hasService(HazelcastClusterService.class).getView(PushWindowRoutes.NAMESPACE);
        CamelClusterView viewB = nodeB.hasService(HazelcastClusterService.class).getView(PushWindowRoutes.NAMESPACE);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(viewA.getLocalMember().isLeader() ^ viewB.getLocalMember().isLeader()).isTrue();
            assertThat(viewA.getLeader()).isPresent();
            assertThat(viewB.getLeader()).isPresent();
        });
        CamelClusterView leader = viewA.getLocalMember().isLeader() ? viewA : viewB;
        CamelClusterView follower = leader == viewA ? viewB : viewA;
        assertThat(follower.getLeader().get().getId()).isEqualTo(leader.getLocalMember().getId());

        (leader == viewA ? nodeA : nodeB).stop();

        await().atMost(LEASE.multipliedBy(3)).untilAsserted(() ->
                assertThat(follower.getLocalMember().isLeader()).isTrue());
    }

    @Test
    void aSingleNodeLeadsItsOwnSchedules() throws Exception {
        a = Hazelcast.newHazelcastInstance(config(5911));
        nodeA = node(a);
        CamelClusterView view = nodeA.hasService(HazelcastClusterService.class).getView(PushWindowRoutes.NAMESPACE);

        await().atMost(Duration.ofSeconds(5)).until(() -> view.getLocalMember().isLeader());
        assertThat(view.getMembers()).hasSize(1);
    }

    private static CamelContext node(HazelcastInstance hz) throws Exception {
        CamelContext c = new DefaultCamelContext();
        c.start();
        c.addService(new HazelcastClusterService(hz, LEASE));
        return c;
    }

    /** Members on loopback only, joined over TCP (no multicast on build machines). */
    private static Config config(int port) {
        Config c = new Config();
        c.setClusterName("creditgate-test-" + port);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + port,
                "127.0.0.1:" + (port + 1)));
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return c;
    }
}
