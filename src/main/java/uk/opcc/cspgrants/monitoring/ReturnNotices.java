package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

/**
 * What people are told about returns, payments and payment holds, published as
 * {@link Notice}s inside the transaction of the change (the notifications module writes
 * them to its outbox). The words are in {@code notifications/returns.properties}; the
 * values here are written for people: the partnership's name, the quarter as "July to
 * September 2024", money as "£8,060.72", dates as "30 October 2024". Keys make each
 * message once per person; a return's notices are {@code about} the return, a hold's
 * about the hold, so that work done first settles what is still waiting.
 */
@Component
class ReturnNotices {

	private final ApplicationEventPublisher events;

	ReturnNotices(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** The return's notices still waiting are not sent: it arrived. */
	void returnArrived(FinancialYear year, Quarter quarter, String code) {
		this.events.publishEvent(new NoticeSettled(about(year, quarter, code), "The return arrived"));
	}

	/**
	 * A reminder of the ladder: due soon ({@code days} working days before), due today,
	 * overdue (to the CSP managers and the officer responsible) or overdue by the
	 * escalation days (to the officer's manager).
	 */
	void reminder(ReminderRule.Reminder reminder, FinancialYear year, Quarter quarter, String code, String name,
			LocalDate due) {
		Map<String, String> values = values(name, year, quarter);
		values.put("dueDate", Dates.day(due));
		values.put("days", String.valueOf(reminder.days()));
		String what = year + ":" + quarter + ":" + code;
		Audience partnership = Audience.cspManagersOf(code).and(Audience.officerResponsibleFor(code));
		Notice notice = switch (reminder.step()) {
			case DUE_SOON -> new Notice("return-due-soon:" + reminder.days() + ":" + what, about(year, quarter, code),
					"return-due-soon", values, returnLink(year, quarter, code), partnership);
			case DUE_TODAY -> new Notice("return-due-today:" + what, about(year, quarter, code), "return-due-today",
					values, returnLink(year, quarter, code), partnership);
			case OVERDUE -> new Notice("return-overdue:" + what, about(year, quarter, code), "return-overdue", values,
					returnLink(year, quarter, code), partnership);
			case ESCALATE -> new Notice("return-escalated:" + what, about(year, quarter, code), "return-escalated",
					values, returnLink(year, quarter, code), Audience.managerOfOfficerResponsibleFor(code));
			case HOLD -> throw new IllegalArgumentException("A hold is told by holdPlaced");
		};
		this.events.publishEvent(notice);
	}

	/**
	 * A return sent back for correction, with the reason, to the partnership's CSP
	 * managers.
	 */
	void returnedForCorrection(ReturnView returned) {
		Map<String, String> values = values(returned.name(), returned.year(), returned.quarter());
		values.put("reason", returned.statusReason());
		this.events.publishEvent(new Notice(
				"return-returned:" + returned.year() + ":" + returned.quarter() + ":" + returned.code() + ":v"
						+ returned.version(),
				about(returned.year(), returned.quarter(), returned.code()), "return-returned", values,
				returnLink(returned.year(), returned.quarter(), returned.code()),
				Audience.cspManagersOf(returned.code())));
	}

	/** A return accepted, to the partnership's CSP managers. */
	void accepted(ReturnView accepted) {
		this.events.publishEvent(new Notice(
				"return-accepted:" + accepted.year() + ":" + accepted.quarter() + ":" + accepted.code() + ":v"
						+ accepted.version(),
				null, "return-accepted", values(accepted.name(), accepted.year(), accepted.quarter()),
				returnLink(accepted.year(), accepted.quarter(), accepted.code()),
				Audience.cspManagersOf(accepted.code())));
	}

	/**
	 * A payment released for payment (its return accepted, paid quarterly in arrears), to
	 * the partnership's CSP managers.
	 */
	void paymentReleased(FinancialYear year, Quarter quarter, String code, String name, Money amount) {
		Map<String, String> values = values(name, year, quarter);
		values.put("amount", amount.format());
		this.events.publishEvent(new Notice("payment-released:" + year + ":" + quarter + ":" + code, null,
				"payment-released", values, paymentsLink(year), Audience.cspManagersOf(code)));
	}

	/** A payment recorded as paid, to the partnership's CSP managers. */
	void paid(FinancialYear year, Quarter quarter, String code, String name, Money amount, LocalDate paidOn) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("partnership", name);
		values.put("year", year.toString());
		values.put("payment",
				(quarter != null) ? "payment for " + quarterWords(year, quarter) : "annual payment for " + year);
		values.put("amount", amount.format());
		values.put("paidOn", Dates.day(paidOn));
		this.events.publishEvent(
				new Notice("payment-paid:" + year + ":" + ((quarter != null) ? quarter : "annual") + ":" + code, null,
						"payment-paid", values, paymentsLink(year), Audience.cspManagersOf(code)));
	}

	/** A hold placed, to the CSP managers, the officer responsible and finance. */
	void holdPlaced(PaymentHold hold) {
		Map<String, String> values = values(hold.name(), hold.year(), hold.quarter());
		values.put("placedOn", Dates.day(hold.placedOn()));
		values.put("reason", hold.reason());
		this.events.publishEvent(new Notice("payment-hold-placed:" + hold.id(), holdAbout(hold), "payment-hold-placed",
				values, paymentsLink(hold.year()), holdAudience(hold.code())));
	}

	/**
	 * A hold released, to the same people; the hold's notices still waiting are not sent.
	 */
	void holdReleased(PaymentHold hold) {
		this.events.publishEvent(new NoticeSettled(holdAbout(hold), "The hold was released"));
		Map<String, String> values = values(hold.name(), hold.year(), hold.quarter());
		values.put("releasedBy", hold.releasedBy());
		values.put("reason", hold.releaseReason());
		this.events.publishEvent(new Notice("payment-hold-released:" + hold.id(), null, "payment-hold-released", values,
				paymentsLink(hold.year()), holdAudience(hold.code())));
	}

	/** "July to September 2024". */
	static String quarterWords(FinancialYear year, Quarter quarter) {
		return quarter.months() + " " + quarter.startIn(year).getYear();
	}

	static String about(FinancialYear year, Quarter quarter, String code) {
		return "return:" + year + ":" + quarter + ":" + code;
	}

	private static String holdAbout(PaymentHold hold) {
		return "hold:" + hold.year() + ":" + hold.quarter() + ":" + hold.code();
	}

	private static Audience holdAudience(String code) {
		return Audience.cspManagersOf(code).and(Audience.officerResponsibleFor(code)).and(Audience.roles(Role.FINANCE));
	}

	private static Map<String, String> values(String name, FinancialYear year, Quarter quarter) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("partnership", name);
		values.put("quarter", quarterWords(year, quarter));
		values.put("year", year.toString());
		return values;
	}

	private static String returnLink(FinancialYear year, Quarter quarter, String code) {
		return "/monitoring/returns/" + year + "/" + quarter + "/" + code;
	}

	private static String paymentsLink(FinancialYear year) {
		return "/monitoring/payments?year=" + year;
	}

}
