package uk.opcc.cspgrants.notifications;

import java.util.Map;

/**
 * A message on its way, as written in the outbox.
 *
 * @param id the row
 * @param key the message key, sent along so that a resend can be recognised
 * @param template the template it was written from (GOV.UK Notify's template id is chosen
 * by it)
 * @param name the person's name
 * @param email their address
 * @param subject the subject, filled
 * @param body the body, filled, without greeting, link or sign-off
 * @param link the one page it sends people to, a path, or null
 * @param linkWords the words before the link, or null
 * @param values the notice's values, for GOV.UK Notify's personalisation
 */
record Outgoing(long id, String key, String template, String name, String email, String subject, String body,
		String link, String linkWords, Map<String, String> values) {
}
