package org.creditgate.connector.xmlfile;

import org.creditgate.spi.delivery.UntilDelivered;
import org.creditgate.spi.delivery.PoisonMessageException;
import java.io.IOException;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.GatewayHeaders;

/**
 * The XML-file sink's routes.
 * <ul>
 * <li>{@code <id>.send}: consumes the upstream's queue (a JMS transaction in Karaf); {@link BatchWriter} writes the
 *     batch and reports it SENT — the message is acknowledged only after the manifest is in place. A message that
 *     cannot be written as a batch at all is dead-lettered POISON; an I/O failure (directory missing, disk full) or
 *     anything unexpected is one WARN line and thrown on, so the broker redelivers it.</li>
 * <li>{@code <id>.receipts}: a timer scanning the receipt directory with {@link ReceiptReader}.</li>
 * </ul>
 */
final class XmlFileRoutes extends RouteBuilder {

    static final String SEND = "send";
    static final String WRITE = "write";
    static final String POISON = "poison";
    static final String RETRY = "retry";
    static final String RECEIPTS = "receipts";
    static final String READ = "read";
    static final String POISON_CLASS = "POISON";
    static final String LOG_NAME = "org.creditgate.connector.xmlfile";

    private final XmlFileSettings settings;
    private final ConnectorDescriptor descriptor;
    private final ConnectorContext context;
    private final BatchWriter writer;
    private final ReceiptReader reader;

    XmlFileRoutes(XmlFileSettings settings, ConnectorDescriptor descriptor, ConnectorContext context,
            BatchWriter writer, ReceiptReader reader) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.context = context;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void configure() {
        String prefix = descriptor.routePrefix();
        String record = " ${header." + GatewayHeaders.RECORD_ID + "}:${header." + GatewayHeaders.VERSION + "}";

        onException(PoisonMessageException.class).handled(true)
                .setHeader(GatewayHeaders.ERROR_CLASS, constant(POISON_CLASS))
                .setHeader(GatewayHeaders.ERROR_REASON, simple("${exception.message}"))
                .to(context.deadLetterUri()).id(prefix + POISON)
                .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": dead-lettered" + record
                        + " as POISON: ${exception.message}");
        // the exchange directory unwritable (disk full, share down): retried in place, in order
        UntilDelivered.retry(onException(Exception.class)).handled(false).id(prefix + RETRY);

        from(context.upstreamQueueUri()).routeId(prefix + SEND)
                .process(writer).id(prefix + WRITE);

        from(receiptTimer()).routeId(prefix + RECEIPTS)
                .onException(IOException.class, RuntimeException.class).handled(true).logExhausted(false)
                    .log(LoggingLevel.WARN, LOG_NAME, descriptor.id() + ": receipt scan of " + settings.receiptDir()
                            + " failed, next scan retries: ${exception.class.simpleName}: ${exception.message}")
                .end()
                .process(reader).id(prefix + READ);
    }

    /** The receipt scan trigger: one timer thread per instance, so scans never overlap. */
    private String receiptTimer() {
        return "timer:" + descriptor.id() + "-receipts?period=" + settings.receiptPollPeriod().toMillis()
                + "&delay=" + settings.receiptPollPeriod().toMillis();
    }
}
