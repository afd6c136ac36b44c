package org.creditgate.core.auth;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream platforms and their bearer tokens, from org.creditgate.upstreams.cfg ({@code <id>.name},
 * {@code <id>.token}), kept apart from the departments' so that a platform's token never pushes department records
 * and a department's never speaks for a platform. Edits apply at once. Tokens are held only as SHA-256 digests and
 * never logged.
 */
@Component(service = UpstreamDirectory.class, configurationPid = UpstreamDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class UpstreamDirectory {

    static final String PID = "org.creditgate.upstreams";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamDirectory.class);

    private volatile TokenTable<UpstreamPlatform> tokens = TokenTable.empty();

    public UpstreamDirectory() {
    }

    /** For tests and tools outside OSGi. */
    public UpstreamDirectory(Map<String, ?> config) {
        update(config);
    }

    @Activate
    @Modified
    void update(Map<String, ?> config) {
        TokenTable<UpstreamPlatform> fresh = TokenTable.of(config, UpstreamPlatform::new);
        tokens = fresh;
        LOG.info("{}: {} upstream platform(s) may push repairs: {}", PID, fresh.ids().size(), fresh.ids());
    }

    /** The caller owning {@code token}, if any (constant-time digest comparison, see {@link TokenTable}). */
    public Optional<UpstreamPlatform> authenticate(String token) {
        return tokens.authenticate(token);
    }
}
