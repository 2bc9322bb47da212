package uk.opcc.cspgrants.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The grants to organisations that may be published: those whose decision record is
 * published and Supported, with its attached table not withheld (the grants are that
 * table's lines). Each with its plan theme's name, its route's words and its planned
 * dates: from the first day of its first payment's period to the last day of its last
 * (the financial year for a grant in kind, which has no payments).
 */
@Component
@Transactional(readOnly = true)
class PublishedOrganisationGrants {

	private final PublishedDecisions published;

	private final OrganisationGrants grants;

	private final PlanThemes themes;

	private final JdbcClient jdbc;

	PublishedOrganisationGrants(PublishedDecisions published, OrganisationGrants grants, PlanThemes themes,
			JdbcClient jdbc) {
		this.published = published;
		this.grants = grants;
		this.themes = themes;
		this.jdbc = jdbc;
	}

	List<Published> published() {
		Map<String, DecisionView> records = new HashMap<>();
		for (DecisionView record : this.published.search(null, null)) {
			if (record.decision() != null && record.decision().supported() && !record.redacted(Section.ATTACHMENT)) {
				records.put(record.reference(), record);
			}
		}
		List<Published> found = new ArrayList<>();
		if (records.isEmpty()) {
			return found;
		}
		for (FinancialYear year : years()) {
			Map<Long, String> themeNames = new HashMap<>();
			this.themes.themes(year).forEach((theme) -> themeNames.put(theme.id(), theme.name()));
			for (OrganisationGrantView grant : this.grants.grants(year)) {
				DecisionView record = records.get(grant.decisionReference());
				if (record == null) {
					continue;
				}
				String theme = themeNames.computeIfAbsent(grant.themeId(),
						(id) -> this.themes.find(id).map(ThemeView::name).orElse(null));
				LocalDate starts = grant.payments()
					.stream()
					.map(OrganisationGrantView.Payment::startsOn)
					.min(Comparator.naturalOrder())
					.orElse(year.startDate());
				LocalDate ends = grant.payments()
					.stream()
					.map(OrganisationGrantView.Payment::endsOn)
					.max(Comparator.naturalOrder())
					.orElse(year.endDate());
				found.add(new Published(grant, record, theme, routeLabel(grant.route()), starts, ends));
			}
		}
		return found;
	}

	private List<FinancialYear> years() {
		return this.jdbc.sql("select distinct financial_year from organisation_grant order by financial_year")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	private static String routeLabel(String route) {
		try {
			return PurchasingRoute.valueOf(route).label();
		}
		catch (IllegalArgumentException unknown) {
			return route;
		}
	}

	/**
	 * A grant to an organisation that may be published.
	 *
	 * @param grant the grant, with its payments
	 * @param record the published decision record that made it
	 * @param themeName its Police and Crime Plan theme
	 * @param routeLabel its purchasing route, in words
	 * @param startsOn the first day of its first period
	 * @param endsOn the last day of its last period
	 */
	record Published(OrganisationGrantView grant, DecisionView record, String themeName, String routeLabel,
			LocalDate startsOn, LocalDate endsOn) {
	}

}
