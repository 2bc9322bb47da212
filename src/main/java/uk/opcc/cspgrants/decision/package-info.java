/**
 * Decision records: the formal record of what the Commissioner decided, numbered like
 * {@code EXE0019-24}, signed off in turn by finance ("consulted"), the Monitoring Officer
 * (publication) and the Commissioner (the decision), immutable once decided, and the
 * money a Supported decision creates, exactly once.
 */
package uk.opcc.cspgrants.decision;
