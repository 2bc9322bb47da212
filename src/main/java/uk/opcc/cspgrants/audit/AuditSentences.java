package uk.opcc.cspgrants.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event of the audit trail (its action, the type and id of what it is about, and
 * the record before and after) into a sentence with people's names and the things named
 * as users name them: "Olu Officer accepted the Q2 2024-25 return of Leicester", "Fran
 * Finance approved formula run 3 for 2024-25". Plain Java: the names come from
 * {@link AuditNames}.
 */
public final class AuditSentences {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * Events with no record before whose details are told beneath the sentence all the
	 * same: how someone signed in, why a sign-in was refused, and from where.
	 */
	private static final java.util.Set<String> DETAILED = java.util.Set.of("UPDATE", "CORRECT", "SIGN_IN",
			"SIGN_IN_REFUSED", "LOCKED_OUT", "CHANGE_PASSWORD");

	private final AuditNames names;

	private final AuditWords words;

	public AuditSentences(AuditNames names) {
		this.names = names;
		this.words = new AuditWords(names);
	}

	/** The sentence for one event; {@code before} and {@code after} are JSON or null. */
	public AuditSentence describe(String actor, String action, String entityType, String entityId, String before,
			String after) {
		Map<String, Object> was = read(before);
		Map<String, Object> now = read(after);
		Event event = new Event(who(actor), action, entityId, was, now, (now != null) ? now : was);
		String text = switch (entityType) {
			case "Partnership" -> partnership(event);
			case "PartnershipGroup" -> group(event);
			case "User", "USER" -> user(event);
			case "FormulaVersion" -> formula(event);
			case "FormulaRun" -> run(event);
			case "PublishedSplit" ->
				event.who + " kept the published split “" + event.get("name") + "” for " + event.get("year");
			case "DecisionRecord" -> decision(event);
			case "Grant" -> grant(event);
			case "Payment" -> payment(event);
			case "YearSettings" -> event.who + " changed the settings of " + entityId;
			case "QuarterlyReturn" -> quarterlyReturn(event);
			case "Redistribution" -> redistribution(event);
			case "FinancialYear" -> financialYear(event);
			case "HarmWeight" -> event.who + " set the crime harm weight (days of imprisonment) of " + entityId;
			case "Indicator" -> indicator(event);
			case "IndicatorFile" ->
				event.who + " loaded " + AuditWords.count(event.get("values")) + " values from " + entityId;
			case "Population" -> event.who + " loaded the population of " + partnershipAndYear(entityId);
			case "CrimeMonth" -> crimeMonth(event);
			case "Notification" ->
				event.who + " sent again the message “" + event.get("subject") + "” to " + event.get("recipient");
			case "ApplicantAccount" -> applicant(event);
			case "Application" -> application(event);
			case "ReviewAssignment" -> review(event);
			case "ApiToken" ->
				event.who + ("REVOKE_TOKEN".equals(action) ? " revoked" : " created") + " the API token “"
						+ event.get("name") + "” (" + event.get("prefix") + "…) of " + event.get("user")
						+ ("REVOKE_TOKEN".equals(action) ? ""
								: (("yes".equals(event.get("readOnly")) ? ", to read only," : "") + " expiring "
										+ event.get("expiresAt")));
			case "BankHolidayFile" -> event.who + " put the bank holidays of " + event.get("file") + " in force";
			case "Organisation", "FundingStream", "PoliceCrimePlan", "CommissioningYear", "AwardSchedule",
					"ScheduleImport", "OrganisationGrant", "OrganisationGrantPayment", "OrganisationReturn",
					"GrantRound" ->
				commissioning(event, entityType);
			default ->
				event.who + " " + verb(action) + " " + AuditWords.thing(entityType).toLowerCase() + " " + entityId;
		};
		List<AuditSentence.Change> changes = (was != null || DETAILED.contains(action)) ? this.words.changes(was, now)
				: List.of();
		return new AuditSentence(text, changes);
	}

	/**
	 * Commissioning's records (issue 15): what was done, to which thing, named where the
	 * record names it.
	 */
	private static String commissioning(Event e, String entityType) {
		String pattern = switch (e.action) {
			case "CREATE" -> "added %s";
			case "UPDATE" -> "changed %s";
			case "LEAD_AUTHORITY" -> "changed which CSPs are funded through %s";
			case "TOP_UP" -> "topped up %s";
			case "REDUCE" -> "reduced %s";
			case "LINK_RUN" -> "linked a formula run's pot to %s";
			case "ADD_THEME" -> "added a theme to %s";
			case "RENAME_THEME" -> "renamed a theme of %s";
			case "OPEN" -> "opened %s";
			case "ADD_LINE" -> "added a line to %s";
			case "CHANGE_LINE" -> "changed a line of %s";
			case "REMOVE_LINE" -> "removed a line from %s";
			case "SET_TOLERANCE" -> "set the over-allocation allowed by %s";
			case "SET_CRITERIA" -> "set the criteria of %s";
			case "SET_SCALE" -> "set the scoring scale of %s";
			case "IMPORT" -> "imported the lines of %s";
			case "ATTACH" -> "attached %s to a decision record";
			case "DETACH" -> "took %s back from its decision record";
			case "DECIDE" -> "recorded the decision on %s";
			case "UPLOAD" -> "uploaded %s";
			case "CONFIRM" -> "confirmed %s";
			case "PAY" -> "recorded %s as paid";
			case "SUBMIT" -> "submitted %s";
			case "ACCEPT" -> "accepted %s";
			case "RETURN_FOR_CORRECTION" -> "returned %s for correction";
			case "REOPEN" -> "re-opened %s";
			case "EXTEND" -> "moved the closing time of %s later";
			case "CLOSE" -> "closed %s";
			case "CANCEL" -> "cancelled %s";
			case "ASSESS" -> "marked %s assessed";
			case "TO_PANEL" -> "took %s to the Review Panel";
			case "PUT_IN_DECISION" -> "put %s to the Commissioner in decision record " + e.get("reason");
			case "BACK_TO_PANEL" -> "took %s back to the Review Panel (" + e.get("reason") + ")";
			case "ADD_DECIDED_LINE" -> "added a line decided by a grant round's decision record to %s";
			case "ADD_PANEL_MEMBER" ->
				"put " + e.get("member") + " (" + e.get("organisation") + ") on the Review Panel of %s";
			case "REMOVE_PANEL_MEMBER" -> "took " + e.get("member") + " off the Review Panel of %s";
			case "ADD_REVIEWER" -> "put " + e.get("reviewer") + " on %s to review " + e.get("theme");
			case "REMOVE_REVIEWER" -> "took " + e.get("reviewer") + " off %s";
			case "ASSIGN_REVIEWERS" ->
				"assigned reviewers to the applications of %s (" + e.get("assignments") + " assignments)";
			default -> verb(e.action) + " %s";
		};
		if ("ADOPT_PLAN".equals(e.action)) {
			return e.who + " chose the Police and Crime Plan of " + e.id;
		}
		String name = firstOf(e, "name", "initiative", "title", "fileName", "file");
		String thing = "the " + AuditWords.thing(entityType).toLowerCase(java.util.Locale.ROOT) + " "
				+ ((name != null) ? "“" + name + "”" : e.id);
		return e.who + " " + pattern.formatted(thing);
	}

	/**
	 * An application to a grant round (issue 16): started by its applicant, each task
	 * saved, documents uploaded and removed, then submitted.
	 */
	private static String application(Event e) {
		if ("START".equals(e.action)) {
			return e.who + " started application " + e.id + " to the grant round " + e.get("round");
		}
		if ("SUBMIT".equals(e.action) && e.get("reference") != null) {
			return e.who + " submitted application " + e.id + " to the grant round " + e.get("round") + " as "
					+ e.get("reference");
		}
		if (e.action.startsWith("SAVE_") && e.get("task") != null) {
			return e.who + " saved “" + e.get("task") + "” of application " + e.id;
		}
		if ("DECIDE_ELIGIBILITY".equals(e.action) && e.get("reference") != null) {
			return e.who + " found application " + e.get("reference") + " " + e.get("status").toLowerCase(Locale.UK);
		}
		if ("DUE_DILIGENCE".equals(e.action) && e.get("reference") != null) {
			return e.who + " recorded due diligence on application " + e.get("reference") + ": risk "
					+ e.get("risk").toLowerCase(Locale.UK) + ", concerns " + e.get("concerns");
		}
		if ("RECOMMEND".equals(e.action) && e.get("application") != null) {
			return e.who + " recorded the Review Panel's recommendation on application " + e.get("application") + ": "
					+ e.get("outcome").toLowerCase(Locale.UK) + ", " + e.get("amount");
		}
		if ("OUTCOME".equals(e.action) && e.get("reference") != null) {
			return e.who + " recorded application " + e.get("reference") + " as "
					+ e.get("status").toLowerCase(Locale.UK) + " by decision " + e.get("decision");
		}
		if ("DECLARE_INTEREST".equals(e.action) && e.get("application") != null) {
			return e.who + " recorded " + e.get("member") + "'s interest in application " + e.get("application") + ": “"
					+ e.get("interest") + "”";
		}
		if ("MODERATION_NOTE".equals(e.action) && e.get("application") != null) {
			return e.who + " wrote a moderation note on application " + e.get("application") + ": “" + e.get("note")
					+ "”";
		}
		if ("ATTACH".equals(e.action) && e.get("file") != null) {
			return e.who + " uploaded “" + e.get("file") + "” (" + e.get("document") + ", " + e.get("size")
					+ ") to application " + e.id;
		}
		if ("REMOVE_DOCUMENT".equals(e.action) && e.get("file") != null) {
			return e.who + " removed “" + e.get("file") + "” (" + e.get("document") + ") from application " + e.id;
		}
		return e.who + " " + verb(e.action) + " application " + e.id;
	}

	/**
	 * A themed reviewer's review of an application (issue 16): the declaration, the
	 * scores saved and submitted (the audit says how many, never the scores).
	 */
	private static String review(Event e) {
		String what = switch (e.action) {
			case "DECLARE_CONFLICT" -> " declared a conflict of interest with application ";
			case "DECLARE_NO_CONFLICT" -> " declared no conflict of interest with application ";
			case "SCORE" -> " saved scores (" + e.get("scored") + " criteria) of application ";
			case "SUBMIT_SCORES" -> " submitted scores of application ";
			case "RETURN_SCORES" -> " returned the submitted scores (“" + e.get("reason") + "”) of application ";
			default -> " " + verb(e.action) + " the review of application ";
		};
		return e.who + what + e.get("application") + " of the grant round " + e.get("round");
	}

	private static String firstOf(Event e, String... fields) {
		for (String field : fields) {
			String value = e.get(field);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * An applicant's account (issue 16): made when someone first asks for a sign-in link
	 * for an address, used each time a link sent to it signs them in.
	 */
	private static String applicant(Event e) {
		String address = (e.get("email") != null) ? e.get("email") : "applicant " + e.id;
		return switch (e.action) {
			case "CREATE" -> e.who + " made an applicant's account for " + address;
			case "SIGN_IN" -> e.who + " signed in with a link sent to " + address;
			default -> e.who + " " + verb(e.action) + " the applicant's account of " + address;
		};
	}

	private String who(String actor) {
		if (actor == null || AuditTrail.SYSTEM.equals(actor)) {
			return "CSP Grants";
		}
		return this.names.person(actor);
	}

	private static String partnership(Event e) {
		String name = e.get("name");
		return switch (e.action) {
			case "CREATE" -> e.who + " added the partnership " + name;
			case "ARCHIVE" -> e.who + " archived the partnership " + name;
			case "RESTORE" -> e.who + " made the partnership " + name + " active again";
			default -> e.who + " changed the partnership " + name;
		};
	}

	private static String group(Event e) {
		String name = "the partnership group “" + e.get("name") + "”";
		return switch (e.action) {
			case "CREATE" -> e.who + " made " + name;
			case "ARCHIVE" -> e.who + " archived " + name;
			case "RESTORE" -> e.who + " made " + name + " active again";
			default -> e.who + " changed " + name;
		};
	}

	private String user(Event e) {
		String name = (e.get("displayName") != null) ? e.get("displayName") : this.names.user(e.id);
		return switch (e.action) {
			case "CREATE" -> e.who + " added the user " + name;
			case "DISABLE" -> e.who + " stopped " + name + " signing in";
			case "ENABLE" -> e.who + " let " + name + " sign in again";
			case "RESET_PASSWORD" -> e.who + " set a new password for " + name;
			case "CHANGE_PASSWORD" -> name + " changed their password";
			case "SIGN_IN" -> name + " signed in" + ("true".equals(e.get("breakGlass"))
					? " with a break-glass account, local accounts being off" : "");
			case "SIGN_IN_REFUSED" -> "A sign-in as " + name + " was refused";
			case "LOCKED_OUT" -> "Signing in as " + name + " was locked after too many failed attempts";
			case "SECOND_FACTOR_SET_UP" -> name + " set up a second factor";
			case "SECOND_FACTOR_REMOVED" -> e.who.equals(name) ? name + " turned off their second factor"
					: e.who + " reset the second factor of " + name;
			case "RECOVERY_CODE_USED" -> name + " used a recovery code";
			case "RECOVERY_CODES_MADE" -> name + " made new recovery codes";
			case "END_SESSION" -> name + " signed out their session on " + e.get("device") + " from another";
			case "END_OTHER_SESSIONS" -> name + " signed out every other session of theirs (" + e.get("sessions") + ")";
			case "ROLES_FROM_SIGN_IN" ->
				"The roles of " + name + " were set from their sign-in at the organisation's provider";
			default -> e.who + " changed the user " + name;
		};
	}

	private static String formula(Event e) {
		String name = "the formula “" + e.get("name") + "” (version " + e.get("number") + ")";
		return switch (e.action) {
			case "CREATE" -> e.who + " saved " + name;
			default -> e.who + " changed " + name;
		};
	}

	private static String run(Event e) {
		String run = "formula run " + e.id + " for " + e.get("year");
		return switch (e.action) {
			case "CREATE" -> e.who + " made " + run;
			case "APPROVE" -> e.who + " approved " + run;
			case "DISCARD" -> e.who + " discarded " + run;
			case "SUPERSEDE" -> "Formula run " + e.id + " for " + e.get("year") + " was replaced when " + e.who
					+ " approved a later run for the same year";
			default -> e.who + " " + verb(e.action) + " " + run;
		};
	}

	private static String decision(Event e) {
		String record = "decision record " + e.id;
		return switch (e.action) {
			case "CREATE" -> e.who + " drafted " + record + " “" + e.get("title") + "”";
			case "CONSULT" -> e.who + " signed " + record + " as consulted";
			case "PUBLICATION" ->
				e.who + " decided whether to publish " + record + ": " + AuditWords.enumWords(e.get("publication"));
			case "DECIDE" -> e.who + " decided " + record + ": " + AuditWords.enumWords(e.get("decision"));
			case "SEND_BACK" -> e.who + " sent " + record + " back to draft";
			default -> e.who + " changed the draft of " + record;
		};
	}

	private String grant(Event e) {
		String grant = "the grant to " + this.names.partnership(e.get("partnership")) + " for " + e.get("year");
		return switch (e.action) {
			case "ADD_LINE" -> e.who + " added an allocation from an approved formula run to " + grant;
			case "CARRY_FORWARD" -> e.who + " carried last year's underspend or overspend forward to " + grant;
			default -> e.who + " entered the allocation by hand of " + grant;
		};
	}

	private String payment(Event e) {
		String grantId = e.id.contains(" ") ? e.id.substring(0, e.id.indexOf(' ')) : e.id;
		String grant = this.names.grant(grantId)
			.map(name -> "the grant to " + name)
			.orElseGet(() -> "the grant to " + this.names.partnershipById(e.get("partnership")));
		String which = "ANNUAL".equals(e.get("quarter")) ? "the annual payment in advance"
				: "the " + e.get("quarter") + " payment";
		return e.who + " recorded " + which + " of " + grant + " as paid: " + AuditWords.money(e.get("amount")) + " on "
				+ AuditWords.date(e.get("paidOn"));
	}

	private String quarterlyReturn(Event e) {
		String subject = "the " + e.get("quarter") + " " + e.get("year") + " return of "
				+ this.names.partnership(e.get("partnership"));
		return switch (e.action) {
			case "CREATE" -> e.who + " started " + subject;
			case "SUBMIT" -> e.who + " submitted " + subject;
			case "ACCEPT" -> e.who + " accepted " + subject;
			case "RETURN_FOR_CORRECTION" -> e.who + " returned " + subject + " for correction";
			case "REOPEN" -> e.who + " re-opened " + subject;
			default -> e.who + " saved " + subject;
		};
	}

	private static String redistribution(Event e) {
		String proposal = "the proposal to redistribute the " + e.get("sourceYear") + " underspend";
		return switch (e.action) {
			case "CREATE" -> e.who + " proposed how to redistribute the " + e.get("sourceYear") + " underspend";
			case "REVISE" -> e.who + " revised " + proposal;
			case "APPROVE" -> e.who + " approved " + proposal;
			case "AWARD_TOP_SLICES" -> "The top-slices of " + proposal + " were awarded when " + e.who
					+ " supported decision record " + e.get("decision");
			case "NOT_SUPPORTED" ->
				e.who + " did not support " + proposal + " (decision record " + e.get("decision") + ")";
			default -> e.who + " " + verb(e.action) + " " + proposal;
		};
	}

	private static String financialYear(Event e) {
		return switch (e.action) {
			case "CLOSE" -> e.who + " closed the year " + e.id;
			case "REOPEN" -> e.who + " re-opened the year " + e.id;
			default -> e.who + " " + verb(e.action) + " the year " + e.id;
		};
	}

	private String indicator(Event e) {
		String[] parts = e.id.split(" ", 3);
		if (parts.length < 3) {
			return e.who + " corrected the indicator " + e.id;
		}
		return e.who + " corrected " + AuditWords.indicator(parts[2]) + " of " + this.names.partnership(parts[0])
				+ " for " + parts[1];
	}

	private String partnershipAndYear(String id) {
		int space = id.indexOf(' ');
		return (space < 0) ? id : this.names.partnership(id.substring(0, space)) + " for " + id.substring(space + 1);
	}

	private static String crimeMonth(Event e) {
		int space = e.id.lastIndexOf(' ');
		String force = (space < 0) ? e.id : e.id.substring(0, space);
		String month = (space < 0) ? "" : AuditWords.month(e.id.substring(space + 1));
		String what = "the recorded crime of " + month + " reported by " + force;
		if (e.get("replacedBy") != null) {
			return e.who + " replaced " + "the recorded crime of " + month + " (loaded before forces were kept) with "
					+ e.get("replacedBy") + "'s";
		}
		String records = (e.get("records") != null) ? " (" + AuditWords.count(e.get("records")) + " records)" : "";
		return e.who + ("REPLACE".equals(e.action) ? " loaded again " : " loaded ") + what + records;
	}

	/** An action no sentence knows yet, as a verb: "RETURN_TO_POT" as "return to pot". */
	private static String verb(String action) {
		return (action == null) ? "changed" : action.toLowerCase().replace('_', ' ');
	}

	private static Map<String, Object> read(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			Object value = JSON.readValue(json, Object.class);
			if (value instanceof Map<?, ?> map) {
				Map<String, Object> fields = new LinkedHashMap<>();
				map.forEach((key, field) -> fields.put(String.valueOf(key), field));
				return fields;
			}
			return null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private record Event(String who, String action, String id, Map<String, Object> before, Map<String, Object> after,
			Map<String, Object> latest) {

		/** A field of the latest record, as text; null when it has none. */
		String get(String field) {
			Object value = (this.latest != null) ? this.latest.get(field) : null;
			return (value != null) ? value.toString() : null;
		}

	}

}
