package uk.opcc.cspgrants.allocation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The financial years that have indicator data (population, a loaded month of police.uk
 * crime, or another indicator), latest first: what the pages offer as the last year of
 * indicator data, so that nobody picks a year with none.
 */
@Component
class IndicatorYears {

	private final JdbcClient jdbc;

	IndicatorYears(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FinancialYear> withData() {
		return this.jdbc.sql("select distinct year from (select financial_year as year from population union "
				+ "select financial_year from indicator_value union select cast(extract(year from month) as integer) "
				+ "- case when extract(month from month) < 4 then 1 else 0 end from crime_month) years "
				+ "order by year desc")
			.query(Integer.class)
			.list()
			.stream()
			.map(FinancialYear::new)
			.toList();
	}

	/** The years with data, and {@code also} among them when it is not. */
	List<FinancialYear> withData(FinancialYear also) {
		List<FinancialYear> years = new ArrayList<>(withData());
		if (also != null && !years.contains(also)) {
			years.add(also);
			years.sort(java.util.Comparator.reverseOrder());
		}
		return years;
	}

}
