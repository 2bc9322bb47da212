package uk.opcc.cspgrants.publication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;

/**
 * Every published grant in the 360Giving Data Standard: one grant per partnership per run
 * that a published, Supported decision record decided, and every grant to an organisation
 * whose decision record is published (with the recipient's own organisation identifier,
 * its Police and Crime Plan theme as a classification and its purchasing route as the
 * grant programme).
 */
@Component
class OpenData {

	private final PublishedDecisions published;

	private final GrantManagement grants;

	private final PartnershipManagement partnerships;

	private final OpenDataProperties properties;

	private final Clock clock;

	private final PublishedOrganisationGrants organisationGrants;

	OpenData(PublishedDecisions published, GrantManagement grants, PartnershipManagement partnerships,
			OpenDataProperties properties, Clock clock, PublishedOrganisationGrants organisationGrants) {
		this.clock = clock;
		this.organisationGrants = organisationGrants;
		this.published = published;
		this.grants = grants;
		this.partnerships = partnerships;
		this.properties = properties;
	}

	/** The vocabulary of the classification a grant to an organisation carries. */
	static final String THEME_VOCABULARY = "Police and Crime Plan theme";

	/**
	 * One published grant, flat. A CSP's grant has a beneficiary location and the
	 * funder's programme; a grant to an organisation its purchasing route as programme
	 * (with a code) and its plan theme as a classification, and no location.
	 */
	record Grant(String id, String title, String description, BigDecimal amountAwarded, String awardDate,
			String recipientId, String recipientName, String startDate, String endDate, String locationName,
			String geoCode, String dateModified, String programmeTitle, String programmeCode, String themeTitle) {
	}

	List<Grant> grants() {
		List<Grant> grants = new ArrayList<>();
		String modified = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(this.clock.instant().atOffset(ZoneOffset.UTC));
		for (PublishedDecisions.PublishedRun published : this.published.publishedRuns()) {
			RunView run = published.run();
			for (RunView.Line line : run.byAmount()) {
				PartnershipView partnership = this.partnerships.findById(line.partnershipId()).orElseThrow();
				long internalId = this.grants.grant(run.year(), line.partnershipId())
					.map(grant -> grant.id())
					.orElse(line.partnershipId());
				grants.add(new Grant("360G-" + this.properties.prefix() + "-" + internalId + "-R" + run.id(),
						this.properties.programme() + " " + run.year() + ": " + line.name()
								+ " Community Safety Partnership",
						run.purpose().label() + " to " + line.name() + " Community Safety Partnership for " + run.year()
								+ ", decided by " + published.record().reference() + " (" + run.formulaLabel() + ")",
						line.amount().amount(), published.record().decision().on().toString(),
						"360G-" + this.properties.prefix() + "-CSP-" + line.code(),
						line.name() + " Community Safety Partnership", run.year().startDate().toString(),
						run.year().endDate().toString(), partnership.name(), partnership.onsCode(), modified,
						this.properties.programme(), null, null));
			}
		}
		for (PublishedOrganisationGrants.Published published : this.organisationGrants.published()) {
			var grant = published.grant();
			grants.add(new Grant("360G-" + this.properties.prefix() + "-OG-" + grant.id(), grant.initiative(),
					published.routeLabel() + " to " + grant.organisationName() + " for " + grant.year()
							+ ", decided by " + published.record().reference() + ": " + grant.initiative()
							+ (grant.inKind() ? " (given in kind)" : ""),
					grant.amount().amount(), published.record().decision().on().toString(),
					grant.organisationIdentifier(), grant.organisationName(), published.startsOn().toString(),
					published.endsOn().toString(), null, null, modified, published.routeLabel(), grant.route(),
					published.themeName()));
		}
		return grants;
	}

	/** The 360Giving package: {@code {"grants": [...]}}. */
	Map<String, Object> package360() {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Grant grant : grants()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", grant.id());
			item.put("title", grant.title());
			item.put("description", grant.description());
			item.put("currency", "GBP");
			item.put("amountAwarded", grant.amountAwarded());
			item.put("awardDate", grant.awardDate());
			item.put("recipientOrganization",
					List.of(Map.of("id", grant.recipientId(), "name", grant.recipientName())));
			item.put("fundingOrganization",
					List.of(Map.of("id", this.properties.funderId(), "name", this.properties.funderName())));
			item.put("plannedDates", List.of(Map.of("startDate", grant.startDate(), "endDate", grant.endDate())));
			Map<String, Object> programme = new LinkedHashMap<>();
			if (grant.programmeCode() != null) {
				programme.put("code", grant.programmeCode());
			}
			programme.put("title", grant.programmeTitle());
			item.put("grantProgramme", List.of(programme));
			if (grant.themeTitle() != null) {
				item.put("classifications",
						List.of(Map.of("vocabulary", THEME_VOCABULARY, "title", grant.themeTitle())));
			}
			if (grant.locationName() != null) {
				Map<String, Object> location = new LinkedHashMap<>();
				location.put("name", grant.locationName());
				if (grant.geoCode() != null) {
					location.put("geoCode", grant.geoCode());
					location.put("geoCodeType", "LA");
				}
				location.put("countryCode", "GB");
				item.put("beneficiaryLocation", List.of(location));
			}
			item.put("dateModified", grant.dateModified());
			items.add(item);
		}
		Map<String, Object> pack = new LinkedHashMap<>();
		pack.put("grants", items);
		return pack;
	}

}
