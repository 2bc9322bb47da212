package uk.opcc.cspgrants.shared.database;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import uk.opcc.cspgrants.shared.Money;

/** Money in an entity, stored as {@code numeric(15,2)}: pounds and pence, exactly. */
@Converter(autoApply = true)
public class MoneyColumn implements AttributeConverter<Money, BigDecimal> {

	@Override
	public BigDecimal convertToDatabaseColumn(Money money) {
		return (money != null) ? money.amount() : null;
	}

	@Override
	public Money convertToEntityAttribute(BigDecimal amount) {
		return (amount != null) ? Money.of(amount) : null;
	}

}
