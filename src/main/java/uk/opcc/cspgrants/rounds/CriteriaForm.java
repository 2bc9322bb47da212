package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The criteria form, as typed: a row per criterion ({@code name-1}, {@code guidance-1},
 * {@code weight-1}, {@code remove-1}) and a few blank rows to add criteria in. A row left
 * blank, or ticked to be removed, is no criterion; the rows kept are numbered again from
 * 1, so that a refusal's field names the row shown.
 *
 * @param rows the rows kept, first first
 * @param version the version of the round read
 */
record CriteriaForm(List<Row> rows, Long version) {

	/** Blank rows shown below the criteria, to add criteria in. */
	static final int BLANK_ROWS = 3;

	private static final int MOST_ROWS = 50;

	static CriteriaForm of(RoundView round) {
		List<Row> rows = round.criteria()
			.stream()
			.map(criterion -> new Row(criterion.name(), criterion.guidance(),
					criterion.weight().stripTrailingZeros().toPlainString()))
			.toList();
		return new CriteriaForm(rows, round.version());
	}

	/** The rows sent, without blank and removed rows. */
	static CriteriaForm from(MultiValueMap<String, String> sent) {
		List<Row> rows = new ArrayList<>();
		for (int row = 1; row <= MOST_ROWS; row++) {
			Row typed = new Row(sent.getFirst("name-" + row), sent.getFirst("guidance-" + row),
					sent.getFirst("weight-" + row));
			if (!typed.isBlank() && sent.getFirst("remove-" + row) == null) {
				rows.add(typed);
			}
		}
		String version = sent.getFirst("version");
		Long read = null;
		if (version != null && version.strip().matches("\\d{1,18}")) {
			read = Long.valueOf(version.strip());
		}
		return new CriteriaForm(rows, read);
	}

	/** The rows to show: the criteria, then blank rows. */
	public List<Row> shown() {
		List<Row> shown = new ArrayList<>(this.rows);
		for (int i = 0; i < BLANK_ROWS; i++) {
			shown.add(new Row("", "", ""));
		}
		return shown;
	}

	/** The weights typed that are numbers, added up. */
	public BigDecimal total() {
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (Row row : this.rows) {
			BigDecimal weight = row.weightOrNull();
			if (weight != null) {
				total = total.add(weight);
			}
		}
		return total.setScale(Math.max(2, total.scale()));
	}

	CriteriaForm withVersion(long now) {
		return new CriteriaForm(this.rows, now);
	}

	/** The criteria typed, or every refusal of them, by row. */
	RoundCriteria toCriteria() {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Criterion> criteria = new ArrayList<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			BigDecimal weight = row.weightOrNull();
			if (weight == null && row.weight() != null && !row.weight().isBlank()) {
				errors.put("weight-" + (i + 1), "Enter the weight of criterion " + (i + 1) + " as a number, like 20");
			}
			criteria.add(new Criterion(row.name(), row.guidance(), weight));
		}
		RoundCriteria typed = new RoundCriteria(criteria);
		if (!errors.isEmpty()) {
			try {
				typed.check();
			}
			catch (ValidationException refused) {
				refused.fieldErrors().forEach(errors::putIfAbsent);
			}
			errors.remove("total");
			throw new ValidationException(errors);
		}
		return typed;
	}

	/**
	 * A criterion's row as typed.
	 *
	 * @param name its name
	 * @param guidance what reviewers look for
	 * @param weight its weight as typed
	 */
	record Row(String name, String guidance, String weight) {

		Row {
			name = (name != null) ? name : "";
			guidance = (guidance != null) ? guidance : "";
			weight = (weight != null) ? weight : "";
		}

		boolean isBlank() {
			return this.name.isBlank() && this.guidance.isBlank() && this.weight.isBlank();
		}

		BigDecimal weightOrNull() {
			String typed = this.weight.strip().replace("%", "");
			if (typed.isEmpty()) {
				return null;
			}
			try {
				return new BigDecimal(typed);
			}
			catch (NumberFormatException notANumber) {
				return null;
			}
		}

	}

}
