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
 * that a published, Supported decision record decided.
 */
@Component
class OpenData {

	private final PublishedDecisions published;

	private final GrantManagement grants;

	private final PartnershipManagement partnerships;

	private final OpenDataProperties properties;

	private final Clock clock;

	OpenData(PublishedDecisions published, GrantManagement grants, PartnershipManagement partnerships,
			OpenDataProperties properties, Clock clock) {
		this.clock = clock;
		this.published = published;
		this.grants = grants;
		this.partnerships = partnerships;
		this.properties = properties;
	}

	/** One published grant, flat. */
	record Grant(String id, String title, String description, BigDecimal amountAwarded, String awardDate,
			String recipientId, String recipientName, String startDate, String endDate, String locationName,
			String geoCode, String dateModified) {
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
						run.year().endDate().toString(), partnership.name(), partnership.onsCode(), modified));
			}
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
			item.put("grantProgramme", List.of(Map.of("title", this.properties.programme())));
			Map<String, Object> location = new LinkedHashMap<>();
			location.put("name", grant.locationName());
			if (grant.geoCode() != null) {
				location.put("geoCode", grant.geoCode());
				location.put("geoCodeType", "LA");
			}
			location.put("countryCode", "GB");
			item.put("beneficiaryLocation", List.of(location));
			item.put("dateModified", grant.dateModified());
			items.add(item);
		}
		Map<String, Object> pack = new LinkedHashMap<>();
		pack.put("grants", items);
		return pack;
	}

}
