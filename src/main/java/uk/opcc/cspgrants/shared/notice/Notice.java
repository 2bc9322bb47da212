package uk.opcc.cspgrants.shared.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something people must be told, published as an application event by the module whose
 * change caused it, inside that change's transaction
 * ({@code ApplicationEventPublisher.publishEvent(notice)}). The notifications module
 * listens in the same transaction and writes one message per person to its outbox, so a
 * change that is rolled back tells nobody and a committed one is never lost.
 *
 * @param key what makes this message one of a kind, e.g.
 * {@code return-due:3:2024-25:Q2:LEI}: the same key for the same person is written once,
 * however often or on however many nodes it is published
 * @param about the piece of work it is about, e.g. {@code return:2024-25:Q2:LEI}, or
 * null: when the work is done ({@link NoticeSettled}) messages about it not yet sent are
 * not sent
 * @param template the name of the words, e.g. {@code return-due-soon}: the subject and
 * body are {@code return-due-soon.subject} and {@code return-due-soon.body} in
 * {@code src/main/resources/notifications/*.properties}, whose {@code ((placeholders))}
 * are filled from {@code values}, as GOV.UK Notify does
 * @param values the words for each placeholder, already written for people (a
 * partnership's name, "July to September 2024", "£1,234.56", "30 October 2024")
 * @param link the one page the message sends people to, a path such as
 * {@code /monitoring/returns/2024-25/Q2/LEI}
 * @param audience who is told
 */
public record Notice(String key, String about, String template, Map<String, String> values, String link,
		Audience audience) {

	public Notice {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(audience, "audience");
		values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

}
