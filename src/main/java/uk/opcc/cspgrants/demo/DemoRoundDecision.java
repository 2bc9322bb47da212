package uk.opcc.cspgrants.demo;

import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.rounds.deciding.RoundDecisions;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * A demo round at the panel put to the Commissioner and Supported through the service, as
 * the people of the demo would: Olu Officer drafts the record on the day, Fran Finance is
 * consulted, Mo Monitoring publishes it in full and Chris Commissioner supports it, all
 * on that day. What the decision makes is made by the service, as for any round.
 */
@Component
class DemoRoundDecision {

	private final UserManagement users;

	private final RoundDecisions rounds;

	private final DecisionManagement decisions;

	private final JdbcClient jdbc;

	DemoRoundDecision(UserManagement users, RoundDecisions rounds, DecisionManagement decisions, JdbcClient jdbc) {
		this.users = users;
		this.rounds = rounds;
		this.decisions = decisions;
		this.jdbc = jdbc;
	}

	/**
	 * Puts the round to a decision dated {@code on} and supports it; the record's
	 * reference.
	 */
	String supported(String roundReference, LocalDate on) {
		long version = this.jdbc.sql("select version from grant_round where reference = ?")
			.param(roundReference)
			.query(Long.class)
			.single();
		DecisionView record = as("officer", () -> this.rounds.draft(roundReference, version, on, user("officer")));
		as("finance", () -> this.decisions.consult(record.reference(), "Fran Finance", on, user("finance")));
		as("monitoring", () -> this.decisions.decidePublication(record.reference(), Publication.YES, Publication.YES,
				Publication.YES, null, EnumSet.noneOf(Section.class), on, user("monitoring")));
		as("commissioner", () -> this.decisions.decide(record.reference(), Outcome.SUPPORTED, on,
				"Supported as the Review Panel recommends.", user("commissioner")));
		return record.reference();
	}

	/**
	 * A demo themed reviewer's user id, the account made with the demo's password when it
	 * is not there yet.
	 */
	long reviewer(String username, String name, String email) {
		if (!this.users.exists(username)) {
			this.users.create(username, new AccountDetails(name, email, java.util.Set.of(Role.REVIEWER), null, null),
					DemoData.DEMO_PASSWORD);
		}
		return user(username).id();
	}

	private CurrentUser user(String username) {
		return this.users.principalOf(username).orElseThrow();
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return DemoData.as(this.users, username, work);
	}

}
