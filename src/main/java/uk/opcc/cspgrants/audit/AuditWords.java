package uk.opcc.cspgrants.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;

/**
 * The words for what the audit trail stores as codes: field names, enum names, amounts,
 * dates, indicator keys and partnership codes; and the changes between two records, field
 * by field.
 */
final class AuditWords {

	/** Fields that say nothing to a person: ids, versions and timestamps. */
	private static final Set<String> TECHNICAL = Set.of("id", "version", "createdAt", "updatedAt", "formulaId",
			"createdBy", "sha256", "locked");

	private static final Set<String> MONEY = Set.of("allocation", "carryForward", "paid", "pot", "remainder",
			"plannedAllocation", "cumulativeSpend", "amount", "total", "floorAmount", "budget", "minAward", "maxAward");

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("partnership", "Partnership"),
			Map.entry("year", "Financial year"), Map.entry("allocation", "Allocation"),
			Map.entry("carryForward", "Carry forward"), Map.entry("lines", "Where the money comes from"),
			Map.entry("paid", "Paid"), Map.entry("quarter", "Quarter"), Map.entry("status", "Status"),
			Map.entry("plannedAllocation", "Planned allocation"), Map.entry("cumulativeSpend", "Spend to date"),
			Map.entry("activities", "Activities"), Map.entry("reason", "Reason"), Map.entry("purpose", "Purpose"),
			Map.entry("pot", "Amount to allocate"), Map.entry("formula", "Formula"),
			Map.entry("partnerships", "Partnerships"), Map.entry("approvedBy", "Approved by"),
			Map.entry("amounts", "Allocations"), Map.entry("reference", "Reference"), Map.entry("title", "Title"),
			Map.entry("formulaRun", "Formula run"), Map.entry("run", "Formula run"),
			Map.entry("consulted", "Consulted"), Map.entry("publication", "Publish the record"),
			Map.entry("decision", "Decision"), Map.entry("sourceYear", "Year of the underspend"),
			Map.entry("topSlices", "Top-slices"), Map.entry("remainder", "Remainder"),
			Map.entry("policy", "Underspend policy"), Map.entry("name", "Name"), Map.entry("code", "Short code"),
			Map.entry("onsCode", "ONS area code"), Map.entry("leadAuthority", "Lead authority"),
			Map.entry("active", "Status"), Map.entry("aliases", "Other names"), Map.entry("description", "Description"),
			Map.entry("members", "Members"), Map.entry("username", "Username"), Map.entry("displayName", "Name"),
			Map.entry("roles", "Roles"), Map.entry("partnershipId", "Partnership"), Map.entry("enabled", "Can sign in"),
			Map.entry("weights", "Weights"), Map.entry("windowYears", "Averaged over"),
			Map.entry("floorPercent", "Floor (share of the pot)"), Map.entry("floorAmount", "Floor"),
			Map.entry("maxDecreasePercent", "Largest fall"), Map.entry("maxIncreasePercent", "Largest rise"),
			Map.entry("value", "Value"), Map.entry("source", "Source"), Map.entry("weight", "Harm weight (days)"),
			Map.entry("records", "Records"), Map.entry("values", "Values"), Map.entry("amount", "Amount"),
			Map.entry("paidOn", "Paid on"), Map.entry("total", "Total"), Map.entry("number", "Version"),
			Map.entry("file", "File"), Map.entry("recordsRead", "Records read"),
			Map.entry("duplicatesDropped", "Duplicate crime IDs dropped"), Map.entry("replacedBy", "Replaced by"),
			Map.entry("paymentSchedule", "Payments"), Map.entry("underspendPolicy", "Underspend policy"),
			Map.entry("dueDays", "Returns due (days after the quarter)"), Map.entry("email", "Email address"),
			Map.entry("addressVerified", "Email address verified"), Map.entry("managerId", "Manager"),
			Map.entry("responsibleOfficerId", "OPCC officer responsible"),
			Map.entry("identifier", "360Giving identifier"), Map.entry("charityNumber", "Charity number"),
			Map.entry("companyNumber", "Company number"), Map.entry("localAuthorityCode", "Local authority code"),
			Map.entry("address", "Address"), Map.entry("postcode", "Postcode"), Map.entry("contactName", "Contact"),
			Map.entry("contactEmail", "Contact's email address"), Map.entry("contactPhone", "Contact's telephone"),
			Map.entry("leadAuthorityOf", "Lead authority of"), Map.entry("funder", "Funder"),
			Map.entry("conditions", "Conditions"), Map.entry("ringFenced", "Ring-fenced"),
			Map.entry("initiative", "Initiative"), Map.entry("tolerancePercent", "Over-allocation allowed (%)"),
			Map.entry("spendToDate", "Spend to date"), Map.entry("outcomes", "Outcomes"),
			Map.entry("organisationId", "Organisation"), Map.entry("awardLines", "Award lines"),
			Map.entry("position", "Line"), Map.entry("section", "Section"), Map.entry("organisation", "Recipient"),
			Map.entry("lineStatus", "Status"), Map.entry("stream", "Funding stream"),
			Map.entry("theme", "Police and Crime Plan theme"), Map.entry("route", "Purchasing route"),
			Map.entry("businessCaseRef", "Business case reference"), Map.entry("contractRef", "Contract reference"),
			Map.entry("roundRef", "Grant round reference"), Map.entry("inKind", "Given in kind"),
			Map.entry("comments", "Comments"), Map.entry("replaces", "Replaces"),
			Map.entry("periods", "Amounts by period"), Map.entry("decisionReference", "Decision record"),
			Map.entry("budget", "Budget"), Map.entry("minAward", "Smallest award"),
			Map.entry("maxAward", "Largest award"), Map.entry("opensAt", "Opens"), Map.entry("closesAt", "Closes"),
			Map.entry("guidance", "Guidance"), Map.entry("eligibility", "Who may apply"),
			Map.entry("minReviewers", "Reviewers per application"),
			Map.entry("moderationGap", "Gap that asks for moderation (points)"),
			Map.entry("blindReview", "Blind review"), Map.entry("themes", "Themes"), Map.entry("criteria", "Criteria"),
			Map.entry("scale", "Scoring scale"), Map.entry("how", "Signed in with"),
			Map.entry("networkAddress", "Network address"), Map.entry("breakGlass", "Break-glass account"),
			Map.entry("failures", "Failed attempts in a row"), Map.entry("lockedForMinutes", "Locked for (minutes)"),
			Map.entry("recoveryCodesLeft", "Recovery codes left"), Map.entry("secondFactor", "Second factor"),
			Map.entry("by", "By"));

	private static final Map<String, String> ENUMS = Map.ofEntries(Map.entry("DRAFT", "Draft"),
			Map.entry("WAITING", "Waiting to be sent"), Map.entry("FAILED", "Failed"),
			Map.entry("SUBMITTED", "Submitted"), Map.entry("ACCEPTED", "Accepted"),
			Map.entry("RETURNED", "Returned for correction"), Map.entry("APPROVED", "Approved"),
			Map.entry("SUPERSEDED", "Replaced by a later approved run"), Map.entry("DISCARDED", "Discarded"),
			Map.entry("CONSULTED", "Consulted"), Map.entry("PUBLICATION_DECIDED", "Publication decided"),
			Map.entry("DECIDED", "Decided"), Map.entry("SUPPORTED", "Supported"),
			Map.entry("NOT_SUPPORTED", "Not supported"), Map.entry("CLOSED", "Closed"),
			Map.entry("REOPENED", "Re-opened"), Map.entry("YES", "Yes"), Map.entry("PART_REDACTED", "Part redacted"),
			Map.entry("NO", "No"), Map.entry("ALLOCATION", "Annual allocation"),
			Map.entry("REDISTRIBUTION", "Underspend redistribution"),
			Map.entry("CARRY_FORWARD", "Carried forward to the same partnership"),
			Map.entry("RETURN_TO_POT", "Returned to a central pot"),
			Map.entry("ANNUALLY_IN_ADVANCE", "Annually in advance"),
			Map.entry("QUARTERLY_IN_ARREARS", "Quarterly in arrears"), Map.entry("ADMIN", "Administrator"),
			Map.entry("OFFICER", "OPCC officer"), Map.entry("FINANCE", "Finance"),
			Map.entry("MONITORING_OFFICER", "Monitoring Officer"), Map.entry("COMMISSIONER", "Commissioner"),
			Map.entry("CSP_MANAGER", "CSP manager"), Map.entry("APPLICANT", "Applicant"),
			Map.entry("ANNUAL", "Annual payment in advance"), Map.entry("FORMULA_RUN", "Allocation from a formula run"),
			Map.entry("HISTORIC", "Allocation entered by hand"), Map.entry("ENTERED", "Entered by hand"),
			Map.entry("UNDERSPEND", "Underspend carried forward"), Map.entry("OVERSPEND", "Overspend carried forward"),
			Map.entry("NONE", "None"));

	private static final Map<String, String> INDICATORS = Map.of("population", "population (people)", "recorded_crime",
			"recorded crime (crimes)", "crime_per_1000", "crime per 1,000 people", "crime_harm",
			"crime harm (days of imprisonment)", "crime_harm_per_1000", "crime harm per 1,000 people (days)",
			"anti_social_behaviour", "anti-social behaviour (incidents, not crimes)");

	private static final Map<String, String> THINGS = Map.ofEntries(Map.entry("Partnership", "Partnership"),
			Map.entry("PartnershipGroup", "Partnership group"), Map.entry("User", "User"),
			Map.entry("FormulaVersion", "Formula"), Map.entry("FormulaRun", "Formula run"),
			Map.entry("PublishedSplit", "Published split kept for checking"),
			Map.entry("DecisionRecord", "Decision record"), Map.entry("Grant", "Grant"),
			Map.entry("Payment", "Payment"), Map.entry("YearSettings", "Settings of a year"),
			Map.entry("Notification", "Message"), Map.entry("QuarterlyReturn", "Quarterly return"),
			Map.entry("Redistribution", "Redistribution"), Map.entry("FinancialYear", "Year end"),
			Map.entry("HarmWeight", "Crime harm weight"), Map.entry("Indicator", "Indicator correction"),
			Map.entry("IndicatorFile", "Indicator file"), Map.entry("BankHolidayFile", "Bank holidays file"),
			Map.entry("Population", "Population"), Map.entry("CrimeMonth", "Recorded crime of a month"),
			Map.entry("Organisation", "Organisation"), Map.entry("FundingStream", "Funding stream"),
			Map.entry("PoliceCrimePlan", "Police and Crime Plan"),
			Map.entry("CommissioningYear", "Police and Crime Plan of a year"),
			Map.entry("AwardSchedule", "Award schedule"), Map.entry("ScheduleImport", "Award schedule import"),
			Map.entry("OrganisationGrant", "Grant to an organisation"),
			Map.entry("OrganisationGrantPayment", "Payment of a grant to an organisation"),
			Map.entry("OrganisationReturn", "Return of a grant to an organisation"),
			Map.entry("GrantRound", "Grant round"), Map.entry("ApplicantAccount", "Applicant's account"),
			Map.entry("Application", "Application to a grant round"),
			Map.entry("ReviewAssignment", "Review of an application"), Map.entry("ApiToken", "API token"),
			Map.entry("PaymentHold", "Payment hold"));

	private final AuditNames names;

	AuditWords(AuditNames names) {
		this.names = names;
	}

	/**
	 * The changes from {@code before} to {@code after}, in words; empty when nothing
	 * differs.
	 */
	List<AuditSentence.Change> changes(Map<String, Object> before, Map<String, Object> after) {
		Set<String> keys = new LinkedHashSet<>();
		if (after != null) {
			keys.addAll(after.keySet());
		}
		if (before != null) {
			keys.addAll(before.keySet());
		}
		List<AuditSentence.Change> changes = new ArrayList<>();
		for (String key : keys) {
			if (TECHNICAL.contains(key)) {
				continue;
			}
			Object old = (before != null) ? before.get(key) : null;
			Object now = (after != null) ? after.get(key) : null;
			if (same(old, now) || (old == null && now == null)) {
				continue;
			}
			String was = (before != null) ? value(key, old) : "";
			changes.add(new AuditSentence.Change(field(key), was, value(key, now)));
		}
		return changes;
	}

	static String field(String key) {
		String label = FIELDS.get(key);
		if (label != null) {
			return label;
		}
		String words = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A stored value of a field, as a person reads it. */
	@SuppressWarnings("unchecked")
	String value(String key, Object value) {
		if (value == null) {
			return "none";
		}
		if (value instanceof Boolean flag) {
			return switch (key) {
				case "active" -> flag ? "Active" : "Archived";
				default -> flag ? "Yes" : "No";
			};
		}
		if (value instanceof Map<?, ?> map) {
			return mapValue(key, (Map<String, Object>) map);
		}
		if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				return "none";
			}
			return String.join(", ", list.stream().map(item -> item(key, item)).toList());
		}
		String text = String.valueOf(value);
		if (MONEY.contains(key)) {
			return money(text);
		}
		return switch (key) {
			case "partnership" ->
				(value instanceof Number) ? this.names.partnershipById(text) : this.names.partnership(text);
			case "partnershipId" -> this.names.partnershipById(text);
			case "managerId", "responsibleOfficerId" -> this.names.user(text);
			case "approvedBy" -> this.names.person(text);
			case "paidOn" -> date(text);
			case "windowYears" -> text + ("1".equals(text) ? " year" : " years");
			case "floorPercent", "maxDecreasePercent", "maxIncreasePercent" -> text + "%";
			case "formulaRun", "run" -> "formula run " + text;
			case "quarter" -> ENUMS.getOrDefault(text, text);
			case "records", "values", "recordsRead", "duplicatesDropped", "activities", "value" -> count(text);
			default -> ENUMS.getOrDefault(text, text);
		};
	}

	private String mapValue(String key, Map<String, Object> map) {
		List<String> parts = new ArrayList<>();
		map.forEach((entry, amount) -> {
			if ("weights".equals(key)) {
				parts.add(indicator(entry) + " " + amount + "%");
			}
			else if ("amounts".equals(key)) {
				parts.add(this.names.partnership(entry) + " " + money(String.valueOf(amount)));
			}
			else {
				parts.add(field(entry) + " " + amount);
			}
		});
		return parts.isEmpty() ? "none" : String.join(", ", parts);
	}

	/** One item of a list: a grant line, a top-slice, a member's code or a role. */
	private String item(String key, Object item) {
		String text = String.valueOf(item);
		return switch (key) {
			case "members" -> this.names.partnership(text);
			case "lines", "topSlices" -> amountAtEnd(text);
			default -> ENUMS.getOrDefault(text, text);
		};
	}

	/** "FORMULA_RUN 32960.61" as "Allocation from a formula run £32,960.61". */
	private String amountAtEnd(String text) {
		int space = text.lastIndexOf(' ');
		if (space < 0) {
			return text;
		}
		String head = text.substring(0, space);
		return ENUMS.getOrDefault(head, head) + " " + money(text.substring(space + 1));
	}

	static String money(String amount) {
		try {
			return Money.of(new BigDecimal(amount)).format();
		}
		catch (RuntimeException notMoney) {
			return amount;
		}
	}

	static String count(String number) {
		try {
			return String.format(Locale.UK, "%,d", Long.parseLong(number));
		}
		catch (NumberFormatException notWhole) {
			return number;
		}
	}

	static String date(String iso) {
		try {
			return Dates.day(LocalDate.parse(iso));
		}
		catch (DateTimeParseException notADate) {
			return iso;
		}
	}

	/** "2023-04" as "April 2023"; anything else as it is. */
	static String month(String iso) {
		try {
			return Dates.month(YearMonth.parse(iso));
		}
		catch (DateTimeParseException notAMonth) {
			return iso;
		}
	}

	/**
	 * An indicator's key as people say it, with its unit: "crime harm (days of
	 * imprisonment)".
	 */
	static String indicator(String key) {
		return INDICATORS.getOrDefault(key, key.replace('_', ' '));
	}

	/** What kind of thing an entity type is, in words: "Quarterly return". */
	static String thing(String entityType) {
		return THINGS.getOrDefault(entityType, field(entityType));
	}

	static String enumWords(String name) {
		return (name != null) ? ENUMS.getOrDefault(name, name) : "";
	}

	private static boolean same(Object one, Object other) {
		if (one instanceof Number a && other instanceof Number b) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
		}
		return Objects.equals(one, other);
	}

}
