package uk.opcc.cspgrants.monitoring;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reminder job on the demo's 2024-25, day by day, on a database of its own (so no
 * other test meets its payment hold): every partnership but Rutland has its first return
 * accepted, and Leicester has submitted its second. With the payments held after 20
 * working days overdue, Rutland's first return (due Tuesday 30 July 2024) is chased
 * before, on and after the due date, escalated after 5 working days and its payments held
 * on Wednesday 28 August, after the summer bank holiday. The notices the job publishes
 * are heard by a listener on the running application and checked by key, audience and
 * values.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReturnRemindersTest {

	static final FinancialYear YEAR = FinancialYear.parse("2024-25");

	static final String RUTLAND_Q1 = "return:2024-25:Q1:RUT";

	static LiveApplication app;

	static JdbcTemplate db;

	static ReturnReminders reminders;

	static final List<Object> heard = java.util.Collections.synchronizedList(new ArrayList<>());

	@BeforeAll
	static void start() {
		app = LiveApplication.start("return_reminders");
		db = app.database();
		reminders = app.bean(ReturnReminders.class);
		app.bean(ApplicationEventMulticaster.class).addApplicationListener(new ApplicationListener<ApplicationEvent>() {
			@Override
			public void onApplicationEvent(ApplicationEvent event) {
				if (event instanceof PayloadApplicationEvent<?> payload
						&& (payload.getPayload() instanceof Notice || payload.getPayload() instanceof NoticeSettled)) {
					heard.add(payload.getPayload());
				}
			}
		});
		GrantManagement grants = app.bean(GrantManagement.class);
		YearSettings saved = grants.settings(YEAR);
		grants.saveSettings(new YearSettings(YEAR, saved.paymentProfile(), saved.returnDueDays(),
				saved.underspendPolicy(), new YearSettings.Reminders(List.of(10, 3), 5, 20), saved.version()));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	@Order(1)
	void threeWorkingDaysBeforeItIsDueOnlyRutlandIsRemindedOfItsFirstReturn() {
		List<Notice> notices = remind(LocalDate.of(2024, 7, 25));
		assertThat(notices).hasSize(1);
		Notice notice = notices.get(0);
		assertThat(notice.key()).isEqualTo("return-due-soon:3:2024-25:Q1:RUT");
		assertThat(notice.about()).isEqualTo(RUTLAND_Q1);
		assertThat(notice.template()).isEqualTo("return-due-soon");
		assertThat(notice.audience())
			.isEqualTo(Audience.cspManagersOf("RUT").and(Audience.officerResponsibleFor("RUT")));
		assertThat(notice.values()).containsEntry("partnership", "Rutland")
			.containsEntry("quarter", "April to June 2024")
			.containsEntry("dueDate", "30 July 2024")
			.containsEntry("days", "3");
		assertThat(notice.link()).isEqualTo("/monitoring/returns/2024-25/Q1/RUT");
	}

	@Test
	@Order(2)
	void onTheDayItIsDueTodayAndFiveWorkingDaysLateTheOfficersManagerIsTold() {
		assertThat(remind(LocalDate.of(2024, 7, 30))).extracting(Notice::key)
			.containsExactly("return-due-today:2024-25:Q1:RUT");
		List<Notice> late = remind(LocalDate.of(2024, 8, 6));
		assertThat(late).extracting(Notice::key)
			.containsExactly("return-overdue:2024-25:Q1:RUT", "return-escalated:2024-25:Q1:RUT");
		assertThat(late.get(1).audience()).isEqualTo(Audience.managerOfOfficerResponsibleFor("RUT"));
		assertThat(late.get(1).values()).containsEntry("days", "5").containsEntry("dueDate", "30 July 2024");
	}

	@Test
	@Order(3)
	void noHoldOnTuesdayTwentySeventhAugustAndOneOnWednesdayEvenWhenTheJobRunsTwiceAtOnce() {
		remind(LocalDate.of(2024, 8, 27));
		assertThat(db.queryForObject("select count(*) from payment_hold", Long.class)).isZero();

		heard.clear();
		CompletableFuture<Void> one = CompletableFuture
			.runAsync(() -> reminders.remind(LocalDate.of(2024, 8, 28), YEAR));
		CompletableFuture<Void> two = CompletableFuture
			.runAsync(() -> reminders.remind(LocalDate.of(2024, 8, 28), YEAR));
		CompletableFuture.allOf(one, two).join();
		List<Notice> notices = notices();
		assertThat(db.queryForList("select p.code, h.quarter, h.placed_on::text as placed from payment_hold h "
				+ "join partnership p on p.id = h.partnership_id where h.released_at is null"))
			.containsExactly(Map.of("code", "RUT", "quarter", "Q1", "placed", "2024-08-28"));
		List<Notice> placed = notices.stream()
			.filter(notice -> notice.template().equals("payment-hold-placed"))
			.toList();
		assertThat(placed).hasSize(1);
		assertThat(placed.get(0).audience()).isEqualTo(Audience.cspManagersOf("RUT")
			.and(Audience.officerResponsibleFor("RUT"))
			.and(Audience.roles(Role.FINANCE)));
		assertThat(placed.get(0).values()).containsEntry("placedOn", "28 August 2024")
			.containsEntry("reason",
					"The April to June 2024 return was due on 30 July 2024 and was 20 working days overdue");
		assertThat(notices.stream().map(Notice::key).collect(Collectors.toSet())).containsExactlyInAnyOrder(
				"return-overdue:2024-25:Q1:RUT", "return-escalated:2024-25:Q1:RUT", placed.get(0).key());
		assertThat(count("select count(*) from audit_event where entity_type = 'PaymentHold' and action = 'PLACE'"))
			.isEqualTo(1);
	}

	@Test
	@Order(4)
	void whileTheHoldIsActiveTheDatabaseRefusesRutlandsPaymentsAndThePagesSaySinceWhenAndWhy() {
		long grant = db.queryForObject("select g.id from grant_award g join partnership p on p.id = g.partnership_id "
				+ "where p.code = 'RUT' and g.financial_year = 2024", Long.class);
		assertThatThrownBy(() -> db.update("insert into grant_payment (grant_id, quarter, amount, paid_on, reference) "
				+ "values (?, 'Q1', 1.00, date '2024-09-02', 'HELD')", grant))
			.hasMessageContaining("on hold");
		String payments = app.signIn("finance").get("/monitoring/payments?year=2024-25").body();
		assertThat(payments).contains("Payments on hold", "Payments to Rutland are on hold since 28 August 2024");
		LiveApplication.Browser officer = app.signIn("officer");
		assertThat(officer.get("/monitoring?year=2024-25").body())
			.contains("Rutland&#39;s payments are on hold since 28 August 2024");
		assertThat(officer.get("/").body()).contains("payments on hold since 28 August 2024");
	}

	@Test
	@Order(5)
	void threeWorkingDaysBeforeThirtyOctoberEveryPartnershipButLeicesterIsReminded() {
		List<Notice> notices = remind(LocalDate.of(2024, 10, 25));
		assertThat(notices.stream()
			.filter(notice -> notice.template().equals("return-due-soon"))
			.map(Notice::key)
			.collect(Collectors.toSet())).containsExactlyInAnyOrder("return-due-soon:3:2024-25:Q2:BLA",
					"return-due-soon:3:2024-25:Q2:CHA", "return-due-soon:3:2024-25:Q2:HAB",
					"return-due-soon:3:2024-25:Q2:HAR", "return-due-soon:3:2024-25:Q2:MEL",
					"return-due-soon:3:2024-25:Q2:NWL", "return-due-soon:3:2024-25:Q2:OAW",
					"return-due-soon:3:2024-25:Q2:RUT");
		assertThat(count("select count(*) from payment_hold")).as("Rutland's first hold, once").isEqualTo(1);
	}

	@Test
	@Order(6)
	void aReturnSubmittedSettlesItsNoticesAndTheJobTellsNobodyAgain() {
		ReturnManagement returns = app.bean(ReturnManagement.class);
		heard.clear();
		returns.save(YEAR, Quarter.Q2, "RUT",
				new ReturnDetails(Money.of("2000.00"), Money.of("500.00"), List.of(), "Late but here", null, null));
		returns.submit(YEAR, Quarter.Q2, "RUT");
		assertThat(heard).contains(new NoticeSettled("return:2024-25:Q2:RUT", "The return arrived"));
		List<Notice> dueDay = remind(LocalDate.of(2024, 10, 30));
		assertThat(dueDay).extracting(Notice::key)
			.contains("return-due-today:2024-25:Q2:BLA")
			.doesNotContain("return-due-today:2024-25:Q2:RUT", "return-due-today:2024-25:Q2:LEI");
		assertThat(remind(LocalDate.of(2024, 11, 6))).extracting(Notice::about)
			.doesNotContain("return:2024-25:Q2:RUT", "return:2024-25:Q2:LEI");
	}

	@Test
	@Order(7)
	void theCspManagersAreToldOfAReturnAcceptedOrReturnedAndAHeldPaymentIsRefusedWithWhy() {
		ReturnManagement returns = app.bean(ReturnManagement.class);
		heard.clear();
		ReturnView accepted = returns.accept(YEAR, Quarter.Q2, "RUT");
		assertThat(notices()).as("no payment is released while Rutland's payments are on hold")
			.extracting(Notice::key)
			.containsExactly("return-accepted:2024-25:Q2:RUT:v" + accepted.version());
		Notice told = notices().get(0);
		assertThat(told.audience()).isEqualTo(Audience.cspManagersOf("RUT"));
		assertThat(told.values()).containsEntry("quarter", "July to September 2024")
			.containsEntry("partnership", "Rutland");
		assertThat(told.link()).isEqualTo("/monitoring/returns/2024-25/Q2/RUT");

		returns.save(YEAR, Quarter.Q2, "BLA",
				new ReturnDetails(Money.of("6000.00"), Money.of("2500.00"), List.of(), "Q2 figures", null, null));
		returns.submit(YEAR, Quarter.Q2, "BLA");
		heard.clear();
		ReturnView returned = returns.returnForCorrection(YEAR, Quarter.Q2, "BLA",
				"The spend does not match the Q2 invoices");
		Notice correction = notices().get(0);
		assertThat(correction.key()).isEqualTo("return-returned:2024-25:Q2:BLA:v" + returned.version());
		assertThat(correction.template()).isEqualTo("return-returned");
		assertThat(correction.values()).containsEntry("reason", "The spend does not match the Q2 invoices")
			.containsEntry("partnership", "Blaby");
		assertThat(correction.audience()).isEqualTo(Audience.cspManagersOf("BLA"));

		HttpResponse<String> held = app.signIn("finance").post("/monitoring/payments/2024-25/RUT", payment("Q2"));
		assertThat(held.statusCode()).isEqualTo(409);
		assertThat(held.body()).contains("Payments to Rutland are on hold since 28 August 2024",
				"An OPCC officer must release the hold before a payment is recorded", "href=\"#hold\"",
				"Record the Q2 payment as paid");
	}

	@Test
	@Order(8)
	void anOfficerReleasesTheHoldWithAReasonAndPeopleAreTold() {
		long hold = db.queryForObject("select id from payment_hold", Long.class);
		LiveApplication.Browser officer = app.signIn("officer");
		HttpResponse<String> page = officer.get("/monitoring/holds/" + hold + "/release");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Release the payment hold", "April to June 2024 (Q1 2024-25)",
				"28 August 2024", "Finance will be able to record");
		HttpResponse<String> noReason = officer.post("/monitoring/holds/" + hold + "/release",
				Map.of("reason", " ", "version", "0"));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Enter why you are releasing the hold", "govuk-textarea--error",
				"href=\"#reason\"");
		heard.clear();
		HttpResponse<String> released = officer.post("/monitoring/holds/" + hold + "/release",
				Map.of("reason", "The Q1 return is agreed to follow with Q2", "version", "0"));
		assertThat(released.statusCode()).isEqualTo(302);
		assertThat(released.headers().firstValue("Location").orElse(""))
			.endsWith("/monitoring/holds/" + hold + "/released");
		assertThat(officer.get("/monitoring/holds/" + hold + "/released").body()).contains("Payment hold released",
				"The Q1 return is agreed to follow with Q2", "Olu Officer");
		assertThat(heard).contains(new NoticeSettled("hold:2024-25:Q1:RUT", "The hold was released"));
		Notice told = notices().get(0);
		assertThat(told.template()).isEqualTo("payment-hold-released");
		assertThat(told.values()).containsEntry("releasedBy", "Olu Officer")
			.containsEntry("reason", "The Q1 return is agreed to follow with Q2")
			.containsEntry("quarter", "April to June 2024");
		assertThat(count("select count(*) from audit_event where entity_type = 'PaymentHold' and action = 'RELEASE'"))
			.isEqualTo(1);
		remind(LocalDate.of(2024, 11, 6));
		assertThat(count("select count(*) from payment_hold where quarter = 'Q1'")).as("not placed again").isEqualTo(1);
	}

	@Test
	@Order(9)
	void oncePaidTheCspManagersAreToldHowMuchAndWhen() {
		heard.clear();
		HttpResponse<String> paid = app.signIn("finance").post("/monitoring/payments/2024-25/BLA", payment("Q1"));
		assertThat(paid.statusCode()).isEqualTo(302);
		// Blaby's grant split to the penny over its four unpaid quarters, Q1 first
		long pence = db.queryForObject("select (100 * (g.carry_forward + (select sum(l.amount) from grant_line l "
				+ "where l.grant_id = g.id)))::bigint from grant_award g join partnership p on p.id = g.partnership_id "
				+ "where p.code = 'BLA' and g.financial_year = 2024", Long.class);
		Money firstQuarter = Money.ofPence(pence / 4 + ((pence % 4 > 0) ? 1 : 0));
		Notice told = notices().get(0);
		assertThat(told.key()).isEqualTo("payment-paid:2024-25:Q1:BLA");
		assertThat(told.audience()).isEqualTo(Audience.cspManagersOf("BLA"));
		assertThat(told.values()).containsEntry("amount", firstQuarter.format())
			.containsEntry("paidOn", "2 September 2024")
			.containsEntry("payment", "payment for April to June 2024");
		assertThat(told.link()).isEqualTo("/monitoring/payments?year=2024-25");
		assertThat(app.signIn("finance").post("/monitoring/payments/2024-25/RUT", payment("Q2")).statusCode())
			.as("released, Rutland's payment is recorded")
			.isEqualTo(302);
	}

	static Map<String, String> payment(String quarter) {
		return Map.of("quarter", quarter, "paidOn.day", "2", "paidOn.month", "9", "paidOn.year", "2024", "reference",
				"BACS-" + quarter);
	}

	static List<Notice> remind(LocalDate day) {
		heard.clear();
		reminders.remind(day, YEAR);
		return notices();
	}

	static List<Notice> notices() {
		synchronized (heard) {
			return heard.stream().filter(Notice.class::isInstance).map(Notice.class::cast).toList();
		}
	}

	static long count(String sql) {
		return db.queryForObject(sql, Long.class);
	}

	static Set<String> keys(List<Notice> notices) {
		return notices.stream().map(Notice::key).collect(Collectors.toSet());
	}

}
