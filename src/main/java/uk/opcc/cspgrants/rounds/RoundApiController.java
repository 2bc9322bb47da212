package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Grant rounds in JSON: a year's rounds, a round with its themes, criteria and scale,
 * drafting a round, and changing a draft's details, criteria or scale with the version
 * read.
 */
@RestController
@Tag(name = "Grant rounds", description = "Rounds inviting applications: their details, criteria and scale")
class RoundApiController {

	private final RoundManagement management;

	private final Rounds rounds;

	RoundApiController(RoundManagement management, Rounds rounds) {
		this.management = management;
		this.rounds = rounds;
	}

	@GetMapping("/api/v1/rounds")
	@Operation(summary = "The grant rounds of a financial year (2013-14), the first to open first; without a year, "
			+ "the years that have rounds")
	RoundsJson list(@RequestParam(required = false) String year) {
		if (year == null || year.isBlank()) {
			return new RoundsJson(null, List.of(), this.rounds.years());
		}
		FinancialYear financialYear = FinancialYear.parse(year);
		return new RoundsJson(financialYear, this.rounds.rounds(financialYear), this.rounds.years());
	}

	@GetMapping("/api/v1/rounds/{reference}")
	@Operation(summary = "A grant round with its themes, criteria (with their weights) and scale, and its version")
	RoundView round(@PathVariable String reference) {
		return this.management.get(reference);
	}

	@PostMapping("/api/v1/rounds")
	@Operation(summary = "Draft a grant round of a year, with the scale 0 to 5 described; 400 with a message per "
			+ "field, 409 when a round has the reference (whatever its case)")
	ResponseEntity<RoundView> create(@RequestBody RoundBody body, @AuthenticationPrincipal CurrentUser user) {
		if (body.year() == null || body.year().isBlank()) {
			throw new ValidationException("year", "Send the financial year the round awards in, like 2013-14");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.management.create(FinancialYear.parse(body.year()), body.reference(), body.details(), user));
	}

	@PutMapping("/api/v1/rounds/{reference}")
	@Operation(summary = "Change a draft round's details and themes, once for the version read: 409 naming who "
			+ "changed the round since, and when")
	RoundView change(@PathVariable String reference, @RequestBody RoundBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.management.change(reference, body.details(), body.version(), user);
	}

	@PutMapping("/api/v1/rounds/{reference}/criteria")
	@Operation(summary = "Replace a draft round's criteria, once for the version read; their weights must add up to "
			+ "exactly 100.00 (400 naming the total), 409 naming who changed the round since")
	RoundView criteria(@PathVariable String reference, @RequestBody CriteriaBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.management.setCriteria(reference, new RoundCriteria(body.criteria()), body.version(), user);
	}

	@PutMapping("/api/v1/rounds/{reference}/scale")
	@Operation(summary = "Replace a draft round's scoring scale (top 1 to 10, every point from 0 described), once "
			+ "for the version read; 409 naming who changed the round since")
	RoundView scale(@PathVariable String reference, @RequestBody ScaleBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.management.setScale(reference, new RoundScale(body.max(), body.descriptions()), body.version(),
				user);
	}

	/** A year's rounds, and the years that have rounds. */
	record RoundsJson(FinancialYear year, List<RoundRow> rounds, List<FinancialYear> years) {
	}

	/**
	 * A round to draft (with its reference and year) or a draft's new details (with the
	 * version read).
	 */
	record RoundBody(String reference, String year, String title, PurchasingRoute route, Long streamId, Money budget,
			Money minAward, Money maxAward, Instant opensAt, Instant closesAt, String guidance, String eligibility,
			Integer minReviewers, BigDecimal moderationGap, Boolean blindReview, List<Long> themeIds, Long version) {

		RoundDetails details() {
			return new RoundDetails(this.title, this.route, this.streamId, this.budget, this.minAward, this.maxAward,
					this.opensAt, this.closesAt, this.guidance, this.eligibility, this.minReviewers, this.moderationGap,
					Boolean.TRUE.equals(this.blindReview), this.themeIds);
		}

	}

	/** A round's criteria, first first, and the version read. */
	record CriteriaBody(List<Criterion> criteria, Long version) {
	}

	/**
	 * A round's scale: its top, a description per point by point, and the version read.
	 */
	record ScaleBody(Integer max, Map<Integer, String> descriptions, Long version) {
	}

}
