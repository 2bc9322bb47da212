package uk.opcc.cspgrants.commissioning;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/** The forms of the funding stream pages, as typed; never entities. */
final class StreamForms {

	private StreamForms() {
	}

	/** The new-stream form. */
	record NewStream(String name, String funder, String kind, String amount, String conditions, Boolean ringFenced) {

		static NewStream empty() {
			return new NewStream("", "", "GRANT", "", "", false);
		}

		/** The stream typed, or every refusal of it, field by field. */
		StreamDetails toDetails() {
			Map<String, String> errors = new LinkedHashMap<>();
			Money money = StreamForms.money(this.amount, "amount", errors);
			StreamKind streamKind = null;
			try {
				streamKind = (this.kind == null || this.kind.isBlank()) ? null : StreamKind.valueOf(this.kind);
			}
			catch (IllegalArgumentException notAKind) {
				errors.put("kind", "Choose where the money comes from");
			}
			StreamDetails details = new StreamDetails(this.name, this.funder, streamKind, money, this.conditions,
					Boolean.TRUE.equals(this.ringFenced));
			try {
				details.check();
			}
			catch (ValidationException refused) {
				Map<String, String> all = new LinkedHashMap<>(refused.fieldErrors());
				all.putAll(errors);
				throw new ValidationException(inFormOrder(all, "name", "funder", "kind", "amount", "conditions"));
			}
			if (!errors.isEmpty()) {
				throw new ValidationException(errors);
			}
			return details;
		}

	}

	/** The top-up-or-reduce form. */
	record Change(String direction, String amount, String reason, Long version) {

		static Change empty(long version) {
			return new Change("", "", "", version);
		}

		StreamChange toChange() {
			Map<String, String> errors = new LinkedHashMap<>();
			Money money = StreamForms.money(this.amount, "amount", errors);
			StreamChange.Direction way = null;
			try {
				way = (this.direction == null || this.direction.isBlank()) ? null
						: StreamChange.Direction.valueOf(this.direction);
			}
			catch (IllegalArgumentException notADirection) {
				way = null;
			}
			StreamChange change = new StreamChange(way, money, this.reason, this.version);
			try {
				change.check();
			}
			catch (ValidationException refused) {
				Map<String, String> all = new LinkedHashMap<>(refused.fieldErrors());
				all.putAll(errors);
				throw new ValidationException(inFormOrder(all, "direction", "amount", "reason", "version"));
			}
			return change;
		}

	}

	private static Money money(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Money.parse(typed);
		}
		catch (IllegalArgumentException notMoney) {
			errors.put(field, notMoney.getMessage());
			return null;
		}
	}

	private static Map<String, String> inFormOrder(Map<String, String> errors, String... fields) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : fields) {
			if (errors.containsKey(field)) {
				ordered.put(field, errors.get(field));
			}
		}
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

}
