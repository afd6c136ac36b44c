package org.creditgate.core.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of PID {@code org.creditgate.ledger} (documented in etc/org.creditgate.ledger.cfg). */
@ObjectClassDefinition(name = "CreditGate ledger", description = "The JDBC record of truth")
public @interface LedgerConfig {

    String PID = "org.creditgate.ledger";

    @AttributeDefinition(description = "JDBC URL (jdbc:h2:… or jdbc:postgresql:…); ${karaf.data} is expanded")
    String ledger_jdbc_url() default "jdbc:h2:file:${karaf.data}/ledger/creditgate;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";

    @AttributeDefinition(description = "Database user")
    String ledger_jdbc_user() default "creditgate";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String ledger_jdbc_password() default "creditgate";

    @AttributeDefinition(min = "1", description = "Maximum connections in the pool")
    int ledger_pool_maxSize() default 8;
}
