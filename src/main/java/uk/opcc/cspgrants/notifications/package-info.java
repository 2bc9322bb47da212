/**
 * Notifications: who is told what, when, through which channel, and whether it was sent.
 * <p>
 * Modules never call this one: they publish a
 * {@link uk.opcc.cspgrants.shared.notice.Notice} inside the transaction of their change,
 * and {@code Outbox} listens in that same transaction and writes one {@code notification}
 * row per person (the people are found by {@link uk.opcc.cspgrants.security.Recipients};
 * the words come from the templates in {@code notifications/*.properties}). The unique
 * key {@code (message_key, username)} writes a message once per person however often it
 * is published. A {@link uk.opcc.cspgrants.shared.notice.NoticeSettled} cancels the
 * waiting messages about work that is done.
 * <p>
 * {@link uk.opcc.cspgrants.notifications.NotificationSender} then sends each waiting
 * e-mail in its own transaction: it claims the row ({@code for update skip locked}, so
 * two nodes or threads never take the same one), sends it by SMTP or GOV.UK Notify, and
 * marks it sent in an update guarded by its status and version; a failure is retried with
 * a back-off and marked failed after the last attempt. With neither mail service set up,
 * messages are kept in the application and never sent.
 */
package uk.opcc.cspgrants.notifications;
