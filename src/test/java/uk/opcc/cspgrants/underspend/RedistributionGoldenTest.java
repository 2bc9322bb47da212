package uk.opcc.cspgrants.underspend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leicestershire 2023-24 (decision record EXE0019-24): £140,705.06 returned; top-slices
 * £10,000.00, £1,800.00 and the Hate Crime Hub taking the balance of a £42,800.06 budget,
 * £31,000.06; the remaining £97,905.00 split by formula across the nine CSPs, exactly.
 */
@IntegrationTest
class RedistributionGoldenTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2023-24");

	private static final String PASSWORD = "csp-grants-demo";

	/** Each CSP's 2023-24 grant and spend; the underspends add up to £140,705.06. */
	private static final Map<String, String[]> LEICESTERSHIRE = Map.of("LEI", new String[] { "100000.00", "80000.00" },
			"CHA", new String[] { "50000.00", "40000.00" }, "BLA", new String[] { "30000.00", "10000.00" }, "HAB",
			new String[] { "30000.00", "20000.00" }, "NWL", new String[] { "30000.00", "12000.00" }, "HAR",
			new String[] { "25000.00", "10000.00" }, "OAW", new String[] { "25000.00", "6000.00" }, "MEL",
			new String[] { "25000.00", "9000.00" }, "RUT", new String[] { "15000.00", "2294.94" });

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	RedistributionManagement redistributions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theUnderspendOf2023To24IsRedistributedAsInEXE0019To24() throws Exception {
		this.grants.saveSettings(new uk.opcc.cspgrants.grants.YearSettings(YEAR,
				uk.opcc.cspgrants.grants.YearSettings.PaymentProfile.QUARTERLY_IN_ARREARS, 30,
				uk.opcc.cspgrants.grants.YearSettings.UnderspendPolicy.RETURN_TO_POT, -1));
		LEICESTERSHIRE.forEach((code, figures) -> {
			this.grants.setHistoric(YEAR, code, Money.of(figures[0]), Money.ZERO, "2023-24 allocation", null);
			this.returns.save(YEAR, Quarter.Q4, code,
					new ReturnDetails(Money.of(figures[0]), Money.of(figures[1]), List.of(), null, null, null));
			this.returns.submit(YEAR, Quarter.Q4, code);
			this.returns.accept(YEAR, Quarter.Q4, code);
		});

		this.mvc.perform(post("/api/v1/years/2023-24/close").with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/years/2023-24/close").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closed").value(true));
		this.mvc.perform(get("/api/v1/years/2023-24/underspend").with(httpBasic("commissioner", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policy").value("RETURN_TO_POT"))
			.andExpect(jsonPath("$.returnedPot").value("140705.06"));

		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		String body = "{\"sourceYear\":\"2023-24\",\"topSliceBudget\":42800.06,\"formulaVersionId\":" + formula + ","
				+ "\"topSlices\":[{\"recipient\":\"OPCC Performance and Governance\",\"purpose\":\"Analysis work to support partners\","
				+ "\"amount\":10000.00},{\"recipient\":\"Leicestershire County Council\",\"purpose\":\"ASB training for LLR-wide staff\","
				+ "\"amount\":1800.00},{\"recipient\":\"Leicestershire Police\",\"purpose\":\"Hate Crime Hub\",\"takesBalance\":true}]}";
		String created = this.mvc
			.perform(post("/api/v1/redistributions").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.pot").value("140705.06"))
			.andExpect(jsonPath("$.topSlices[2].amount").value("31000.06"))
			.andExpect(jsonPath("$.run.pot").value("97905.00"))
			.andExpect(jsonPath("$.run.year").value("2024-25"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		RedistributionView proposal = this.redistributions.get(id);
		assertThat(proposal.remainder()).isEqualTo(Money.of("97905.00"));
		assertThat(proposal.run().total()).isEqualTo(Money.of("97905.00"));
		assertThat(proposal.run().lines()).hasSize(9);
		assertThat(proposal.reconciles()).isTrue();

		this.mvc.perform(post("/api/v1/redistributions/" + id + "/approve").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		String reference = this.redistributions.get(id).decisionReference();
		assertThat(this.decisions.get(reference).draft().recommendations()).contains("£31,000.06", "£10,000.00",
				"£1,800.00", "£97,905.00");
		assertThat(this.decisions.get(reference).createdBy()).isEqualTo("officer");

		this.decisions.consult(reference, "Fran Finance", LocalDate.now(), Principals.of("finance", this.jdbc));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				java.util.Set.of(), LocalDate.now(), Principals.of("monitoring", this.jdbc));
		this.decisions.decide(reference, uk.opcc.cspgrants.decision.Outcome.SUPPORTED, LocalDate.now(), null,
				Principals.of("commissioner", this.jdbc));

		long runId = proposal.run().id();
		assertThat(linesOf(runId)).isEqualTo(9);
		assertThat(this.jdbc.queryForObject(
				"select sum(amount) from grant_line where run_id = ? and source = 'REDISTRIBUTION'", BigDecimal.class,
				runId))
			.isEqualByComparingTo("97905.00");
		assertThat(this.redistributions.get(id).status()).isEqualTo(RedistributionView.Status.SUPPORTED);
		assertThat(awarded(id)).isEqualTo(3);

		// the decision event repeated: nothing more is created or awarded
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events
			.publishEvent(new DecisionDecided(reference, true, runId, "FORMULA_RUN", String.valueOf(runId))));
		assertThat(linesOf(runId)).isEqualTo(9);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'Redistribution' and entity_id = ? and action = 'AWARD_TOP_SLICES'",
				Integer.class, String.valueOf(id)))
			.isEqualTo(1);
	}

	@Test
	void topSlicesMayNotExceedThePotAndOnlyOneTakesTheBalance() {
		var officer = Principals.of("officer", this.jdbc);
		assertThatThrownBy(() -> this.redistributions.propose(
				new RedistributionRequest(FinancialYear.parse("2019-20"), Money.of("1000"), "Test pot", null,
						List.of(new TopSlice("A", "a", Money.of("1200"), false)), 1L, FinancialYear.parse("2023-24")),
				officer))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("are more than the pot of £1,000.00");
		assertThatThrownBy(() -> this.redistributions.propose(
				new RedistributionRequest(FinancialYear.parse("2019-20"), Money.of("1000"), "Test pot", Money.of("500"),
						List.of(new TopSlice("A", "a", null, true), new TopSlice("B", "b", null, true)), 1L, null),
				officer))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("Only one top-slice may take the balance");
		assertThatThrownBy(() -> this.redistributions.propose(new RedistributionRequest(FinancialYear.parse("2019-20"),
				Money.of("1000"), null, null, List.of(), 1L, null), officer))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("say why");
	}

	@Test
	void closingNeedsEveryQ4ReturnOrAReasonAndCarriesUnderspendForward() {
		FinancialYear year = FinancialYear.parse("2015-16");
		// West Midlands practice: each partnership's underspend becomes its carry forward
		// next year
		this.grants.setHistoric(year, "MEL", Money.of("500000"), Money.ZERO, "2015-16", null);
		this.grants.setHistoric(year, "RUT", Money.of("300000"), Money.ZERO, "2015-16", null);
		this.returns.save(year, Quarter.Q4, "MEL",
				new ReturnDetails(Money.of("500000"), Money.of("397496"), List.of(), null, null, null));
		this.returns.submit(year, Quarter.Q4, "MEL");
		this.returns.accept(year, Quarter.Q4, "MEL");
		this.returns.save(year, Quarter.Q3, "RUT",
				new ReturnDetails(Money.of("300000"), Money.of("310000"), List.of(), null, null, null));
		this.returns.submit(year, Quarter.Q3, "RUT");

		var finance = Principals.of("finance", this.jdbc);
		assertThatThrownBy(() -> this.yearEnds.close(year, null, false, finance))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("Rutland");
		YearEnd closed = this.yearEnds.close(year, "Rutland's Q4 return is late; its Q3 figures are final", false,
				finance);
		assertThat(closed.rows()).extracting(UnderspendRow::underspend)
			.containsExactly(Money.of("102504.00"), Money.of("-10000.00"));
		assertThat(this.grants.grant(year.next(), closed.rows().get(0).partnershipId()).orElseThrow().carryForward())
			.isEqualTo(Money.of("102504.00"));
		assertThat(this.grants.grant(year.next(), closed.rows().get(1).partnershipId()).orElseThrow().carryForward())
			.as("an overspend is not carried as negative money")
			.isEqualTo(Money.ZERO);
		assertThatThrownBy(() -> this.yearEnds.close(year, "again", false, finance))
			.isInstanceOf(ConflictException.class);
		assertThat(this.yearEnds.reopen(year, "A late correction", finance).closed()).isFalse();
	}

	@Autowired
	YearEndManagement yearEnds;

	private int linesOf(long runId) {
		return this.jdbc.queryForObject("select count(*) from grant_line where run_id = ?", Integer.class, runId);
	}

	private int awarded(long id) {
		return this.jdbc.queryForObject(
				"select count(*) from redistribution_top_slice where redistribution_id = ? and awarded_at is not null",
				Integer.class, id);
	}

}
