package org.creditgate.connector.court.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.xml.namespace.QName;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.creditgate.connector.court.ws.CourtNs;
import org.creditgate.connector.court.ws.ExecuteeChange;

/**
 * The court's 失信被执行人 SOAP service, for tests and demos: a real CXF 3.6 server (Jetty transport) publishing the
 * module's WSDL file, with an in-memory change feed. Tests add executees, delete them, re-publish changes and
 * make the next calls fail; {@link #main} runs it standalone with a few demo records.
 */
public final class CourtSimulator implements AutoCloseable {

    public static final String ACCOUNT = "creditgate";
    public static final String PASSWORD = "court-demo-secret";
    public static final String PATH = "/court/executees";

    private final List<ExecuteeChange> feed = new ArrayList<>();
    private final List<Long> requestedAfter = new CopyOnWriteArrayList<>();
    private final List<Integer> requestedRows = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultsToServe = new AtomicInteger();
    private final AtomicInteger faultsServed = new AtomicInteger();
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private Bus bus;
    private Server server;
    private String url;

    /** Publishes the service on 127.0.0.1:{@code port}; 0 picks a free port. */
    public CourtSimulator start(int port) {
        int actual = port == 0 ? freePort() : port;
        url = "http://127.0.0.1:" + actual + PATH;
        // its own bus, so closing the simulator releases the port and leaves the client side alone
        bus = BusFactory.newInstance().createBus();
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(SimulatedCourtPort.class);
        factory.setServiceBean(new SimulatedCourtPort(this));
        factory.setWsdlLocation(CourtSimulator.class.getClassLoader().getResource(CourtNs.WSDL).toString());
        factory.setServiceName(new QName(CourtNs.NS, CourtNs.SERVICE));
        factory.setEndpointName(new QName(CourtNs.NS, CourtNs.PORT));
        factory.setAddress(url);
        // the faults it serves on purpose are not worth a stack trace in the test log
        factory.getProperties(true).put(FaultListener.class.getName(), (FaultListener) (e, d, m) -> false);
        server = factory.create();
        return this;
    }

    public String url() {
        return url;
    }

    /** Adds a NEW change for this executee (seq and change time assigned here); returns the stored change. */
    public ExecuteeChange add(ExecuteeChange executee) {
        return append(copy(executee).setChangeType(ExecuteeChange.NEW).setChangeTime(null));
    }

    /** Adds a MODIFIED change: the latest state of the case, changed by {@code edit}. */
    public ExecuteeChange modify(String caseCode, UnaryOperator<ExecuteeChange> edit) {
        return append(edit.apply(latest(caseCode)).setChangeType(ExecuteeChange.MODIFIED).setChangeTime(null));
    }

    /** Adds a DELETED change (撤销/屏蔽 in the court system) carrying the case's latest data. */
    public ExecuteeChange delete(String caseCode, String deleteRef) {
        return append(latest(caseCode).setChangeType(ExecuteeChange.DELETED).setDeleteRef(deleteRef)
                .setChangeTime(null));
    }

    /** Publishes the changes with seq in [from, to] once more, under new seqs (the court re-sending). */
    public void republish(long from, long to) {
        List<ExecuteeChange> again;
        synchronized (feed) {
            again = feed.stream().filter(c -> c.getSeq() >= from && c.getSeq() <= to).map(CourtSimulator::copy)
                    .toList();
        }
        // same data and change time, new seq: exactly what a re-read after a rewind would see
        again.forEach(this::append);
    }

    /** The next {@code calls} calls answer the declared SOAP fault (service busy). */
    public void failNext(int calls) {
        faultsToServe.set(calls);
    }

    /**
     * From now on every call is accepted and read but never answered (a hung court, not a refusing one) until
     * {@link #recover()}; the calls held then get their answer.
     */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    public void recover() {
        hang.countDown();
    }

    public int faultsServed() {
        return faultsServed.get();
    }

    /** {@code afterSeq} of every call, in order. */
    public List<Long> requestedAfterSeqs() {
        return List.copyOf(requestedAfter);
    }

    /** {@code maxRows} of every call, in order. */
    public List<Integer> requestedRows() {
        return List.copyOf(requestedRows);
    }

    /** The newest seq (0 when empty). */
    public long lastSeq() {
        synchronized (feed) {
            return feed.isEmpty() ? 0 : feed.get(feed.size() - 1).getSeq();
        }
    }

    // --- called by the SOAP implementation ---

    void holdWhileHung() {
        try {
            hang.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean takeFault() {
        boolean fault = faultsToServe.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        if (fault) {
            faultsServed.incrementAndGet();
        }
        return fault;
    }

    void recordCall(long afterSeq, int maxRows) {
        requestedAfter.add(afterSeq);
        requestedRows.add(maxRows);
    }

    /** Changes after {@code afterSeq}, at most {@code maxRows + 1} (the extra one tells whether more follow). */
    List<ExecuteeChange> after(long afterSeq, int maxRows) {
        synchronized (feed) {
            return feed.stream().filter(c -> c.getSeq() > afterSeq).limit(maxRows + 1L).map(CourtSimulator::copy)
                    .toList();
        }
    }

    private ExecuteeChange append(ExecuteeChange change) {
        synchronized (feed) {
            change.setSeq(lastSeq() + 1);
            if (change.getChangeTime() == null) {
                change.setChangeTime(DemoExecutees.now());
            }
            feed.add(change);
            return copy(change);
        }
    }

    private ExecuteeChange latest(String caseCode) {
        synchronized (feed) {
            return feed.stream().filter(c -> caseCode.equals(c.getCaseCode()))
                    .max(Comparator.comparingLong(ExecuteeChange::getSeq)).map(CourtSimulator::copy)
                    .orElseThrow(() -> new IllegalArgumentException("no case " + caseCode));
        }
    }

    static ExecuteeChange copy(ExecuteeChange c) {
        return new ExecuteeChange().setSeq(c.getSeq()).setChangeType(c.getChangeType()).setChangeTime(c.getChangeTime())
                .setDeleteRef(c.getDeleteRef()).setIname(c.getIname()).setPartyTypeName(c.getPartyTypeName())
                .setCardNum(c.getCardNum()).setBusinessEntity(c.getBusinessEntity()).setSexy(c.getSexy())
                .setAge(c.getAge()).setCaseCode(c.getCaseCode()).setCourtName(c.getCourtName())
                .setGistId(c.getGistId()).setGistUnit(c.getGistUnit()).setDuty(c.getDuty())
                .setPerformance(c.getPerformance()).setDisruptTypeName(c.getDisruptTypeName())
                .setRegDate(c.getRegDate()).setPublishDate(c.getPublishDate());
    }

    @Override
    public void close() {
        recover();
        if (server != null) {
            server.destroy();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the simulator standalone: {@code CourtSimulator [port]} (default 8089), with a few demo records. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        CourtSimulator sim = new CourtSimulator().start(port);
        for (int n = 1; n <= 5; n++) {
            sim.add(DemoExecutees.person(n));
        }
        sim.add(DemoExecutees.organisation(6));
        sim.delete(DemoExecutees.person(5).getCaseCode(), "（2026）闽01执恢5号 已全部履行");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        System.out.println("Court simulator at " + sim.url() + " (account " + ACCOUNT + ", password " + PASSWORD
                + "), " + sim.lastSeq() + " changes; Ctrl-C stops it");
        stopped.await();
    }
}
