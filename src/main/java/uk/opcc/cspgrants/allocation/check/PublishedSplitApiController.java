package uk.opcc.cspgrants.allocation.check;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Money;

/** Checking published splits, and the saved ones, in JSON. */
@RestController
@Tag(name = "Published splits",
		description = "Which weights of the indicators reproduce a published allocation table best, and how close they get")
class PublishedSplitApiController {

	private final PublishedSplits splits;

	PublishedSplitApiController(PublishedSplits splits) {
		this.splits = splits;
	}

	/**
	 * One line of a published table.
	 *
	 * @param partnership a partnership's name, another name it goes by, or its code
	 * @param amount what was published for it, pounds with up to two decimals ("2953.46",
	 * or a JSON number)
	 */
	record AmountBody(String partnership, Money amount) {

	}

	/**
	 * What to check.
	 *
	 * @param amounts the published table
	 * @param indicators indicator keys: population, recorded_crime, crime_per_1000,
	 * crime_harm, crime_harm_per_1000
	 * @param windowEnd the last financial year of indicator data, e.g. 2023-24
	 * @param windowYears how many years to average (1 to 5)
	 * @param formulaVersionId a saved formula version to compare with as well, or null
	 */
	record CheckBody(List<AmountBody> amounts, List<String> indicators, String windowEnd, Integer windowYears,
			Long formulaVersionId) {

		PublishedSplits.CheckRequest toRequest() {
			StringBuilder table = new StringBuilder();
			if (this.amounts != null) {
				for (AmountBody amount : this.amounts) {
					if (amount == null) {
						continue;
					}
					table
						.append((amount.partnership() != null) ? amount.partnership().replaceAll("[\\t\\r\\n]", " ")
								: "")
						.append('\t')
						.append((amount.amount() != null) ? amount.amount().toString() : "")
						.append('\n');
				}
			}
			return new PublishedSplits.CheckRequest(table.toString(), this.indicators, this.windowEnd, this.windowYears,
					this.formulaVersionId);
		}

	}

	/**
	 * A published split to keep.
	 *
	 * @param name a name no other split has
	 * @param source where it was published, e.g. Decision record EXE0019-24
	 * @param year the financial year the money is for, e.g. 2024-25
	 * @param amounts the table, indicators and window as for a check
	 */
	record SaveBody(String name, String source, String year, List<AmountBody> amounts, List<String> indicators,
			String windowEnd, Integer windowYears) {

	}

	/**
	 * A saved split.
	 *
	 * @param check its reconstruction from the current indicator data, or null with the
	 * reason in {@code checkRefused} when the data does not allow one
	 */
	record SavedJson(long id, String name, String source, String year, String windowEnd, int windowYears,
			List<String> indicators, List<SavedAmountJson> amounts, Money total, String savedBy,
			@Schema(nullable = true) CheckResponse check, @Schema(nullable = true) String checkRefused) {

	}

	record SavedAmountJson(String code, String name, Money amount) {

	}

	@PostMapping("/api/v1/published-splits/check")
	@Operation(summary = "Check a published allocation table: the weights (at least 0, adding up to 100%) that "
			+ "reproduce it best in least squares, every partnership's difference, and the published orderings "
			+ "no weighting can give. Nothing is saved.")
	CheckResponse check(@RequestBody CheckBody body) {
		return CheckResponse.of(this.splits.check(body.toRequest()));
	}

	@GetMapping("/api/v1/published-splits")
	@Operation(summary = "Every saved published split, with its amounts")
	List<SavedJson> list() {
		return this.splits.list().stream().map((split) -> json(split, false, null)).toList();
	}

	@GetMapping("/api/v1/published-splits/{id}")
	@Operation(summary = "A saved published split with its reconstruction from the current indicator data")
	SavedJson get(@PathVariable long id,
			@Parameter(description = "a saved formula version to compare with as well") @RequestParam(
					required = false) Long formulaVersionId) {
		return json(this.splits.get(id), true, formulaVersionId);
	}

	@PostMapping("/api/v1/published-splits")
	@Operation(summary = "Keep a published split (its name must be new) so that its reconstruction stays with it")
	ResponseEntity<SavedJson> save(@RequestBody SaveBody body, @AuthenticationPrincipal CurrentUser user) {
		CheckBody check = new CheckBody(body.amounts(), body.indicators(), body.windowEnd(), body.windowYears(), null);
		SavedSplit saved = this.splits.save(
				new PublishedSplits.SaveRequest(body.name(), body.source(), body.year(), check.toRequest()),
				user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/published-splits/" + saved.id()))
			.body(json(saved, false, null));
	}

	private SavedJson json(SavedSplit split, boolean withCheck, Long formulaVersionId) {
		CheckResponse check = null;
		String refused = null;
		if (withCheck) {
			try {
				check = CheckResponse.of(this.splits.check(PublishedSplits.checkOf(split, formulaVersionId)));
			}
			catch (uk.opcc.cspgrants.shared.ValidationException cannot) {
				refused = String.join("; ", cannot.fieldErrors().values());
			}
		}
		return new SavedJson(split.id(), split.name(), split.source(), split.year().toString(),
				split.windowEnd().toString(), split.windowYears(), split.indicators(),
				split.amounts()
					.stream()
					.map((entry) -> new SavedAmountJson(entry.code(), entry.name(), entry.amount()))
					.toList(),
				split.total(), split.createdBy(), check, refused);
	}

}
