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
 * Departments and their bearer tokens, from org.creditgate.departments.cfg ({@code <id>.name}, {@code <id>.token}).
 * Edits apply at once ({@link Modified}): adding or revoking a department needs no restart.
 */
@Component(service = DepartmentDirectory.class, configurationPid = DepartmentDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class DepartmentDirectory {

    static final String PID = "org.creditgate.departments";
    private static final Logger LOG = LoggerFactory.getLogger(DepartmentDirectory.class);

    private volatile TokenTable<Department> tokens = TokenTable.empty();

    public DepartmentDirectory() {
    }

    /** For tests and tools outside OSGi. */
    public DepartmentDirectory(Map<String, ?> config) {
        update(config);
    }

    @Activate
    @Modified
    void update(Map<String, ?> config) {
        TokenTable<Department> fresh = TokenTable.of(config, Department::new);
        tokens = fresh;
        LOG.info("{}: {} department(s) may push records: {}", PID, fresh.ids().size(), fresh.ids());
    }

    /** The caller owning {@code token}, if any (constant-time digest comparison, see {@link TokenTable}). */
    public Optional<Department> authenticate(String token) {
        return tokens.authenticate(token);
    }
}
