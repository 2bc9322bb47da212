/**
 * What modules publish for people to be told (a
 * {@link uk.opcc.cspgrants.shared.notice.Notice} with its
 * {@link uk.opcc.cspgrants.shared.notice.Audience}) and that work is done
 * ({@link uk.opcc.cspgrants.shared.notice.NoticeSettled}). The notifications module
 * listens; no module depends on it.
 */
package uk.opcc.cspgrants.shared.notice;
