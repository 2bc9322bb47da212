package uk.opcc.cspgrants.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as it is written, never guessed at: text only from a JSON string (not
 * {@code "note": 5} or {@code true}), whole numbers and decimals only from JSON numbers
 * (not {@code "12"}, and a whole number not from {@code 12.7}), true or false only from
 * JSON booleans (not {@code 1} or {@code "yes"}), an enum only by its name, and a date
 * only from an ISO {@code "2025-03-31"} string (a bare number was read as a count of days
 * since 1970). Money is a string with two decimals, or a number ({@link MoneyJson}). Each
 * refusal is a 400 problem detail naming the field ({@link ApiProblemAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return StrictJson::apply;
	}

	static void apply(JsonMapper.Builder builder) {
		builder
			.withCoercionConfig(LogicalType.Textual,
					refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Integer,
					refuse(CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Boolean,
					refuse(CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.DateTime,
					refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.addModule(new SimpleModule("iso-dates-only").addDeserializer(LocalDate.class, new IsoDate()));
	}

	private static java.util.function.Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
		return config -> {
			for (CoercionInputShape shape : shapes) {
				config.setCoercion(shape, CoercionAction.Fail);
			}
		};
	}

	/** A date only as {@code "yyyy-MM-dd"}. */
	static final class IsoDate extends StdDeserializer<LocalDate> {

		private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

		IsoDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				String text = parser.getString();
				if (ISO_DATE.matcher(text).matches()) {
					try {
						return LocalDate.parse(text);
					}
					catch (DateTimeException notADate) {
						// refused below
					}
				}
			}
			throw MismatchedInputException.from(parser, LocalDate.class, "Expected a date like \"2025-03-31\"");
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}

	}

}
