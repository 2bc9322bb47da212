/**
 * Decision records: the formal record of what the Commissioner decided, numbered like
 * {@code EXE0019-24}, signed off in turn by finance ("consulted"), the Monitoring Officer
 * (publication) and the Commissioner (the decision), immutable once decided, and the
 * money a Supported decision creates, exactly once.
 * <p>
 * Write side: the {@code DecisionRecord} aggregate is a JPA entity with a version, stored
 * by a Spring Data repository; each sign-off is a method of it, allowed only from the
 * status before it and only for someone who has not signed it yet
 * ({@link uk.opcc.cspgrants.shared.SeparationOfDuties}). The effect of a Supported
 * decision is a row keyed by the decision ({@code DecisionEffect}), so it is made once.
 * The database refuses the same again: a decided record never changes (V9), four
 * different signers, boxes filled as the status says, sensible dates, text limits, and
 * effects that can never be changed or deleted (V17).
 * <p>
 * Read side: the lists (staff, pending sign-offs, public pages, open data) read every
 * record in one query through the repository and work out corrections from that list; no
 * SQL projection was needed at this size (a few hundred records a year).
 */
package uk.opcc.cspgrants.decision;
