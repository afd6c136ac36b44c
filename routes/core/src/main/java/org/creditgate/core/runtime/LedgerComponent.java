package org.creditgate.core.runtime;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the ledger (pool + migrations) from org.creditgate.ledger.cfg and publishes it as a {@link Ledger}
 * service. Kept apart from the Camel runtime so that editing the core's config does not re-open the database.
 */
@Component(configurationPid = LedgerConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = LedgerConfig.class)
public class LedgerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerComponent.class);

    private DataSource dataSource;
    private ServiceRegistration<Ledger> registration;

    @Activate
    void activate(LedgerConfig config, BundleContext context) {
        // the cfg file is interpolated by Karaf, the built-in default is not: expand ${karaf.data} here too
        String url = config.ledger_jdbc_url().replace("${karaf.data}", System.getProperty("karaf.data", "data"));
        LedgerSettings settings = new LedgerSettings(url, config.ledger_jdbc_user(),
                config.ledger_jdbc_password(), config.ledger_pool_maxSize());
        dataSource = LedgerDataSources.create(settings);
        Ledger ledger = Ledgers.open(dataSource);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("creditgate.ledger.url", settings.jdbcUrl());
        registration = context.registerService(Ledger.class, ledger, props);
        LOG.info("Ledger open at {}", settings.jdbcUrl());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (dataSource != null) {
            LedgerDataSources.close(dataSource);
        }
    }
}
