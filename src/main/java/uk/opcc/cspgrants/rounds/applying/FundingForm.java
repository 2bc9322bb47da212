package uk.opcc.cspgrants.rounds.applying;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The "Funding and budget" page as typed: the amount asked for and the budget's lines
 * ({@code item-1}, {@code amount-1}, ...). A line left blank is no line; the lines kept
 * are numbered again from 1, so that a refusal's field names the line shown.
 *
 * @param amount the amount asked for, as typed
 * @param rows the lines kept, first first
 * @param version the version of the application read
 */
record FundingForm(String amount, List<Row> rows, Long version) {

	/** The most lines a budget has. */
	static final int MOST_ROWS = 20;

	/** Blank lines shown below the budget, to add lines in. */
	static final int BLANK_ROWS = 3;

	static FundingForm of(ApplicationView application) {
		List<Row> rows = application.budgetLines()
			.stream()
			.map(line -> new Row(line.item(), line.amount().amount().toPlainString()))
			.toList();
		return new FundingForm(
				(application.amountRequested() != null) ? application.amountRequested().amount().toPlainString() : "",
				rows, application.version());
	}

	static FundingForm from(MultiValueMap<String, String> sent) {
		List<Row> rows = new ArrayList<>();
		for (int row = 1; row <= MOST_ROWS; row++) {
			Row typed = new Row(sent.getFirst("item-" + row), sent.getFirst("amount-" + row));
			if (!typed.isBlank()) {
				rows.add(typed);
			}
		}
		String version = sent.getFirst("version");
		Long read = (version != null && version.strip().matches("\\d{1,18}")) ? Long.valueOf(version.strip()) : null;
		String amount = sent.getFirst("amount");
		return new FundingForm((amount != null) ? amount : "", rows, read);
	}

	FundingForm withVersion(long now) {
		return new FundingForm(this.amount, this.rows, now);
	}

	/** The rows to show: the lines typed, then blank ones up to the most allowed. */
	public List<Row> shown() {
		List<Row> shown = new ArrayList<>(this.rows);
		for (int i = 0; i < BLANK_ROWS && shown.size() < MOST_ROWS; i++) {
			shown.add(new Row("", ""));
		}
		return shown;
	}

	/**
	 * The amount and lines typed, or every refusal: the amount within the round's
	 * smallest and largest award, each line with what it is and how much, and the lines
	 * adding up to the amount to the penny.
	 */
	Answers.Funding answers(Money smallest, Money largest) {
		Map<String, String> errors = new LinkedHashMap<>();
		Money asked = null;
		try {
			asked = Money.parse(this.amount);
			if (asked.compareTo(smallest) < 0 || asked.isGreaterThan(largest)) {
				errors.put("amount", "Enter an amount from " + smallest.format() + " to " + largest.format()
						+ ", the smallest and largest grant of this round");
			}
		}
		catch (InvalidMoneyException refused) {
			errors.put("amount", refused.getMessage().equals("Enter an amount") ? "Enter the amount you are asking for"
					: refused.getMessage());
		}
		List<BudgetLine> lines = new ArrayList<>();
		Money total = Money.ZERO;
		boolean linesRight = true;
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			int number = i + 1;
			String item = Text.required(row.item(), "item-" + number,
					"Say what line " + number + " of the budget is for", 200, errors);
			Money cost = null;
			try {
				cost = Money.parse(row.amount());
				if (cost.isNegative() || cost.isZero()) {
					errors.put("amount-" + number, "The amount of line " + number + " must be more than £0");
					cost = null;
				}
			}
			catch (InvalidMoneyException refused) {
				errors.put("amount-" + number, refused.getMessage().equals("Enter an amount")
						? "Enter the amount of line " + number : refused.getMessage());
			}
			if (item == null || cost == null) {
				linesRight = false;
				continue;
			}
			lines.add(new BudgetLine(item, cost));
			total = total.plus(cost);
		}
		if (this.rows.isEmpty()) {
			errors.put("item-1", "Enter at least one line of the budget: what it is for, and how much");
		}
		else if (linesRight && asked != null && !total.equals(asked)) {
			errors.put("total", "The budget lines add up to " + total.format()
					+ ": they must add up to the amount you are asking for, " + asked.format());
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Answers.Funding(asked, lines);
	}

	/** A line as typed. */
	record Row(String item, String amount) {

		Row {
			item = (item != null) ? item : "";
			amount = (amount != null) ? amount : "";
		}

		boolean isBlank() {
			return this.item.isBlank() && this.amount.isBlank();
		}

	}

}
