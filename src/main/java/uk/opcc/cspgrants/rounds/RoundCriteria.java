package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A round's criteria in the order reviewers score them. Their weights add up to exactly
 * 100.00: a total of 99.99 is refused, naming the total, since an application's score out
 * of 100 must be one.
 *
 * @param criteria the criteria, first first
 */
public record RoundCriteria(List<Criterion> criteria) {

	static final BigDecimal HUNDRED = new BigDecimal("100.00");

	public RoundCriteria {
		criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
	}

	/** The weights added up. */
	public BigDecimal totalWeight() {
		return this.criteria.stream()
			.map(Criterion::weight)
			.filter(weight -> weight != null)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)
			.setScale(2);
	}

	/**
	 * Refuses the criteria, on the field of each one's row ({@code name-1},
	 * {@code weight-2}) and on {@code total}, when a name is missing or repeated, a
	 * weight is not more than 0 or has more than 2 decimal places, or the weights do not
	 * add up to exactly 100.00.
	 */
	public void check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.criteria.isEmpty()) {
			throw new ValidationException("name-1", "Enter at least one criterion, with its weight");
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < this.criteria.size(); i++) {
			Criterion criterion = this.criteria.get(i);
			int row = i + 1;
			if (criterion.name().isEmpty()) {
				errors.put("name-" + row, "Enter the name of criterion " + row);
			}
			else if (criterion.name().length() > 200) {
				errors.put("name-" + row, "The name of criterion " + row + " must be 200 characters or fewer");
			}
			else if (!names.add(criterion.name().toLowerCase(Locale.UK))) {
				errors.put("name-" + row, "There is already a criterion called " + criterion.name()
						+ ": give criterion " + row + " another name");
			}
			if (criterion.guidance().length() > 5000) {
				errors.put("guidance-" + row, "The guidance of criterion " + row + " must be 5000 characters or fewer");
			}
			BigDecimal weight = criterion.weight();
			if (weight == null) {
				errors.put("weight-" + row, "Enter the weight of criterion " + row);
			}
			else if (weight.signum() <= 0 || weight.compareTo(HUNDRED) > 0) {
				errors.put("weight-" + row, "The weight of criterion " + row + " must be more than 0 and up to 100");
			}
			else if (weight.stripTrailingZeros().scale() > 2) {
				errors.put("weight-" + row, "The weight of criterion " + row + " can have up to 2 decimal places");
			}
		}
		if (errors.isEmpty() && totalWeight().compareTo(HUNDRED) != 0) {
			errors.put("total",
					"The weights add up to " + totalWeight().toPlainString() + ": they must add up to exactly 100.00");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

}
