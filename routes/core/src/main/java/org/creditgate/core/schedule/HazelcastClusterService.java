package org.creditgate.core.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's cluster service on the gateway's Hazelcast member: per namespace, the leader is the node whose id holds
 * the namespace's entry in the map {@value #MAP}, written with a time-to-live and renewed well before it ends. A node
 * that dies stops renewing; another takes over when the entry expires (at most {@code lease} later).
 *
 * <p>Why not Camel's own: camel-hazelcast 4.18 ships only {@code HazelcastRoutePolicy} (a route policy, not a cluster
 * service), and Hazelcast's CP locks are thread-owned, which fits badly with Camel's threads. A leased map entry
 * needs neither. Two leaders can overlap for at most one renewal period after a network split; everything a
 * leader runs (push windows, reconciliation) is idempotent, so an overlap costs duplicate work, never duplicate
 * deliveries (the broker's duplicate detection and the ledger see to that).
 */
public final class HazelcastClusterService extends AbstractCamelClusterService<HazelcastClusterService.View> {

    static final String MAP = "creditgate-leaders";
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastClusterService.class);

    private final HazelcastInstance hazelcast;
    private final String memberId;
    private final Duration lease;
    private ScheduledExecutorService renewer;

    /** {@code lease}: how long a leader keeps the role without renewing it (renewed every third of that). */
    public HazelcastClusterService(HazelcastInstance hazelcast, Duration lease) {
        super("creditgate-hazelcast");
        this.hazelcast = hazelcast;
        this.memberId = hazelcast.getCluster().getLocalMember().getUuid() + "/" + UUID.randomUUID();
        this.lease = lease;
    }

    @Override
    protected void doStart() throws Exception {
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "creditgate-leadership");
            t.setDaemon(true);
            return t;
        });
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }

    @Override
    protected View createView(String namespace) {
        return new View(namespace);
    }

    /** The leadership of one namespace as this node sees it. */
    final class View extends AbstractCamelClusterView {

        private final Member local = new Member(memberId, true);
        private volatile boolean leader;
        private volatile String leaderId;

        View(String namespace) {
            super(HazelcastClusterService.this, namespace);
        }

        @Override
        protected void doStart() {
            long period = Math.max(100, lease.toMillis() / 3);
            renewer.scheduleWithFixedDelay(this::renew, 0, period, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doStop() {
            if (leader) {
                // hand over at once instead of letting the lease run out
                leaders().remove(getNamespace(), memberId);
                changed(false, null);
            }
        }

        void renew() {
            if (!isRunAllowed()) {
                return;
            }
            try {
                IMap<String, String> map = leaders();
                String holder = map.putIfAbsent(getNamespace(), memberId, lease.toMillis(), TimeUnit.MILLISECONDS);
                if (holder == null || holder.equals(memberId)) {
                    map.setTtl(getNamespace(), lease.toMillis(), TimeUnit.MILLISECONDS);
                    changed(true, memberId);
                } else {
                    changed(false, holder);
                }
            } catch (RuntimeException e) {
                // cannot tell: step down rather than risk two leaders
                LOG.warn("Leadership of {} unknown ({}); stepping down", getNamespace(), e.getMessage());
                changed(false, null);
            }
        }

        private void changed(boolean nowLeader, String holder) {
            boolean was = leader;
            leader = nowLeader;
            leaderId = holder;
            if (was != nowLeader) {
                LOG.info("This node {} the leader of {}", nowLeader ? "is now" : "is no longer", getNamespace());
                fireLeadershipChangedEvent(getLeader());
            }
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            String id = leaderId;
            return id == null ? Optional.empty() : Optional.of(id.equals(memberId) ? local : new Member(id, false));
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return getLeader().filter(l -> !l.isLocal()).map(l -> List.<CamelClusterMember>of(local, l))
                    .orElse(List.of(local));
        }

        private final class Member implements CamelClusterMember {
            private final String id;
            private final boolean isLocal;

            Member(String id, boolean isLocal) {
                this.id = id;
                this.isLocal = isLocal;
            }

            @Override
            public boolean isLeader() {
                return id.equals(leaderId);
            }

            @Override
            public boolean isLocal() {
                return isLocal;
            }

            @Override
            public String getId() {
                return id;
            }
        }
    }

    private IMap<String, String> leaders() {
        return hazelcast.getMap(MAP);
    }
}
