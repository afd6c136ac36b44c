package org.creditgate.core.shield;

/** Where events for a department go (its {@code creditgate.events.<id>} address; see the JMS implementation). */
@FunctionalInterface
public interface DepartmentEvents {

    /**
     * Sends one event durably.
     *
     * @param department the department told
     * @param eventId    the event's id: sending the same id twice delivers it once
     * @param json       the event
     * @throws Exception when the broker did not take it
     */
    void send(String department, String eventId, String json) throws Exception;
}
