package uk.opcc.cspgrants.underspend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * How a proposal uses a pot, worked out and checked before anything is saved: the pot
 * (the year's returned underspend, or another amount with a reason), the named top-slices
 * (one of which may take the balance of a top-slice budget), and the remainder a formula
 * run splits. Plain rules, with no Spring and no database.
 *
 * @param pot the money redistributed
 * @param potReason why the pot differs from the returned underspend, if it does
 * @param topSliceBudget the budget a balance line takes the rest of, if any
 * @param topSlices the top-slices with every amount worked out
 * @param remainder what is left for the formula to split
 */
record RedistributionPlan(Money pot, String potReason, Money topSliceBudget, List<TopSlice> topSlices,
		Money remainder) {

	/**
	 * Works out a proposal, refusing with a message per field whatever does not add up.
	 * @param returned the returned underspend of the proposal's source year
	 */
	static RedistributionPlan of(RedistributionRequest request, Money returned) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (request.sourceYear() == null) {
			throw new ValidationException("sourceYear", "Choose the year whose underspend is redistributed");
		}
		Money pot = (request.pot() != null) ? request.pot() : returned;
		String potReason = blankToNull(request.potReason());
		if (pot.isZero() || pot.isNegative()) {
			errors.put("pot", "There is no returned underspend for " + request.sourceYear()
					+ ": close the year with the return-to-pot policy, or give the pot and a reason");
		}
		else if (!pot.equals(returned) && potReason == null) {
			errors.put("potReason",
					"The pot differs from the returned underspend of " + returned.format() + ": say why");
		}
		if (potReason != null && potReason.length() > 1000) {
			errors.put("potReason", "The reason must be 1,000 characters or fewer");
		}
		Money fixed = Money.ZERO;
		int balanceLines = 0;
		for (TopSlice slice : request.topSlices()) {
			String recipient = blankToNull(slice.recipient());
			String purpose = blankToNull(slice.purpose());
			if (recipient == null || purpose == null) {
				errors.putIfAbsent("topSlices", "Each top-slice needs a recipient and a purpose");
			}
			else if (recipient.length() > 200 || purpose.length() > 500) {
				errors.putIfAbsent("topSlices",
						"A top-slice's recipient must be 200 characters or fewer, its purpose 500");
			}
			if (slice.takesBalance()) {
				balanceLines++;
			}
			else if (slice.amount() == null || slice.amount().isNegative() || slice.amount().isZero()) {
				errors.putIfAbsent("topSlices",
						"Each top-slice needs an amount of more than £0.00, unless it takes the balance");
			}
			else {
				fixed = fixed.plus(slice.amount());
			}
		}
		if (balanceLines > 1) {
			errors.put("topSlices", "Only one top-slice may take the balance of the top-slice budget");
		}
		Money budget = request.topSliceBudget();
		if (balanceLines == 1 && budget == null) {
			errors.put("topSliceBudget", "Give the top-slice budget whose balance the line takes");
		}
		if (budget != null && budget.isNegative()) {
			errors.put("topSliceBudget", "The top-slice budget cannot be negative");
		}
		if (budget != null && budget.isGreaterThan(pot)) {
			errors.put("topSliceBudget",
					"The top-slice budget of " + budget.format() + " is more than the pot of " + pot.format());
		}
		Money topSliced = (balanceLines == 1 && budget != null) ? budget : fixed;
		if (fixed.isGreaterThan(topSliced) || topSliced.isGreaterThan(pot)) {
			errors.put("topSlices", "The top-slices of " + fixed.format() + " are more than "
					+ ((budget != null) ? "the top-slice budget of " + budget.format() : "the pot of " + pot.format()));
		}
		if (request.formulaVersionId() == null) {
			errors.put("formulaVersionId", "Choose the formula that splits the remainder");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		List<TopSlice> slices = new ArrayList<>();
		for (TopSlice slice : request.topSlices()) {
			slices.add(new TopSlice(slice.recipient().strip(), slice.purpose().strip(),
					slice.takesBalance() ? topSliced.minus(fixed) : slice.amount(), slice.takesBalance()));
		}
		Money remainder = pot.minus(topSliced);
		if (remainder.isZero()) {
			throw new ValidationException("topSlices", "The top-slices use the whole pot: nothing is left to split");
		}
		return new RedistributionPlan(pot, potReason, budget, slices, remainder);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
