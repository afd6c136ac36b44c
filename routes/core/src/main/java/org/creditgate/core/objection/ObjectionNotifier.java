package org.creditgate.core.objection;

import org.creditgate.ledger.ObjectionEntry;

/** Tells the providing department about its objections (异议核实通知): opened (verify by dueOn) or resolved. */
@FunctionalInterface
public interface ObjectionNotifier {

    /** What happened to the objection. */
    enum Event {
        OPENED,
        RESOLVED
    }

    /**
     * Puts the event for {@code objection.provider()}; the same objection version twice is the same event (the
     * implementation drops the second).
     */
    void notify(Event event, ObjectionEntry objection) throws Exception;
}
