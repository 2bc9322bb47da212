package uk.opcc.cspgrants.shared.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;

/**
 * Money in JSON is a string of pounds with exactly two decimals, {@code "50417.90"}: a
 * JSON number passes through the floating point of most clients (JavaScript, {@code jq},
 * Python's {@code json}), which drops the trailing zero ({@code 50417.9}) and, for large
 * sums, pennies. Money sent to the API may be such a string or, as before, a JSON number
 * ({@code 50417.9} is read as £50,417.90); either way more than two decimals, text that
 * is not an amount, or an amount beyond what is kept is refused on the field.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyJson {

	/** What the API documents and reads: {@code 97905.00}, {@code -12.50}. */
	static final String PATTERN = "^-?[0-9]+\\.[0-9]{2}$";

	private static final Pattern SENT = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");

	static {
		SpringDocUtils.getConfig()
			.replaceWithSchema(Money.class,
					new StringSchema().pattern(PATTERN)
						.example("97905.00")
						.description("An amount in pounds with exactly two decimals, as a string (a JSON number is "
								+ "also accepted when sent)"));
	}

	@Bean
	JsonMapperBuilderCustomizer moneyAsText() {
		return (builder) -> builder.addModule(module());
	}

	static SimpleModule module() {
		return new SimpleModule("money-as-text").addSerializer(Money.class, new Writer())
			.addDeserializer(Money.class, new Reader());
	}

	/**
	 * For an amount of money kept as a {@code BigDecimal} (a formula's floor): written
	 * and read like {@link Money}.
	 */
	public static final class PoundsWriter extends ValueSerializer<BigDecimal> {

		@Override
		public void serialize(BigDecimal pounds, JsonGenerator generator, SerializationContext context) {
			generator.writeString(Money.of(pounds).toString());
		}

	}

	/**
	 * Reads an amount of money into a {@code BigDecimal}, as {@link Reader} does, leaving
	 * its limit to the rule that uses it (a floor says "The floor must be less than …").
	 */
	public static final class PoundsReader extends ValueDeserializer<BigDecimal> {

		private final Reader money = new Reader();

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			return Money.of(this.money.amountSent(parser)).amount();
		}

	}

	static final class Writer extends ValueSerializer<Money> {

		@Override
		public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
			generator.writeString(money.toString());
		}

	}

	static final class Reader extends ValueDeserializer<Money> {

		@Override
		public Money deserialize(JsonParser parser, DeserializationContext context) {
			return Money.fromJson(amountSent(parser));
		}

		BigDecimal amountSent(JsonParser parser) {
			BigDecimal amount;
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				String text = parser.getString().strip();
				if (!SENT.matcher(text).matches()) {
					throw new InvalidMoneyException(
							"Enter an amount in pounds and pence as \"1234.50\": digits, at most two decimals, "
									+ "no £ sign or commas");
				}
				amount = new BigDecimal(text);
			}
			else if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
				amount = parser.getDecimalValue();
			}
			else {
				throw MismatchedInputException.from(parser, Money.class, "Expected an amount like \"1234.50\"");
			}
			return amount;
		}

	}

}
