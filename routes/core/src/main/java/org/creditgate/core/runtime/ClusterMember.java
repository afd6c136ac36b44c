package org.creditgate.core.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Hazelcast member, published as a {@link HazelcastInstance} service. Its own component so that
 * nothing but a change of org.creditgate.cluster.cfg restarts it (a restart empties its maps).
 */
@Component(configurationPid = ClusterMember.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ClusterMember.ClusterConfig.class)
public class ClusterMember {

    static final String PID = "org.creditgate.cluster";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);

    @ObjectClassDefinition(name = "CreditGate cluster member")
    public @interface ClusterConfig {
        @AttributeDefinition(description = "Hazelcast XML configuration, relative to etc/")
        String cluster_config() default "hazelcast.xml";
    }

    private HazelcastInstance instance;
    private ServiceRegistration<HazelcastInstance> registration;

    @Activate
    void activate(ClusterConfig config, BundleContext context) throws Exception {
        Path file = KarafPaths.etc().resolve(config.cluster_config());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(PID + ": cluster.config " + file + " does not exist");
        }
        ClassLoader own = ClusterMember.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hazelcast loads its services and our map values through the context/config class loader
        thread.setContextClassLoader(Hazelcast.class.getClassLoader());
        try {
            Config hz = new FileSystemXmlConfig(file.toFile());
            hz.setClassLoader(own);
            instance = Hazelcast.newHazelcastInstance(hz);
        } finally {
            thread.setContextClassLoader(previous);
        }
        registration = context.registerService(HazelcastInstance.class, instance, new Hashtable<>());
        LOG.info("Cluster member {} joined cluster '{}' ({} member(s))", instance.getCluster().getLocalMember().getAddress(),
                instance.getConfig().getClusterName(), instance.getCluster().getMembers().size());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (instance != null) {
            instance.shutdown();
        }
    }
}
