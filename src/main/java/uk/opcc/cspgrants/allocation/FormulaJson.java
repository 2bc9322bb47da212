package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.annotation.JsonSerialize;
import uk.opcc.cspgrants.allocation.formula.Floor;
import uk.opcc.cspgrants.shared.web.MoneyJson;

/**
 * A run's floor in pounds goes out in JSON as money does, {@code "8000.00"}; the formula
 * package itself stays free of any framework, so this is said here.
 */
@Configuration(proxyBeanMethods = false)
class FormulaJson {

	@Bean
	JsonMapperBuilderCustomizer floorInPoundsAsMoney() {
		return (builder) -> builder.addMixIn(Floor.class, FloorInPounds.class);
	}

	abstract static class FloorInPounds {

		@JsonSerialize(using = MoneyJson.PoundsWriter.class)
		abstract BigDecimal amountPounds();

	}

}
