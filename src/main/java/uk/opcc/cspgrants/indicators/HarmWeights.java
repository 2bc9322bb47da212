package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The crime harm weight of each police.uk crime type. Crime harm is recomputed from the
 * stored counts whenever a weight changes; a crime type with no weight adds no harm.
 */
@Service
@Transactional
public class HarmWeights {

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	HarmWeights(JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * One crime type's weight.
	 *
	 * @param crimeType as police.uk names it
	 * @param weight days of harm per crime, or {@code null} when none is set
	 * @param source where the weight comes from
	 * @param updatedAt when it was last set
	 */
	public record HarmWeight(String crimeType, BigDecimal weight, String source, Instant updatedAt) {
	}

	/** Every weight, and every crime type seen in the crime data without one. */
	@Transactional(readOnly = true)
	public List<HarmWeight> list() {
		return this.jdbc.sql("select crime_type, weight, source, updated_at from harm_weight union all "
				+ "select distinct crime_type, null::numeric, null::varchar, null::timestamptz from crime_count where crime_type <> ? "
				+ "and crime_type not in (select crime_type from harm_weight) order by 1")
			.param(IndicatorManagement.ANTI_SOCIAL_BEHAVIOUR_TYPE)
			.query((rs, row) -> new HarmWeight(rs.getString(1),
					(rs.getBigDecimal(2) != null) ? rs.getBigDecimal(2).stripTrailingZeros() : null, rs.getString(3),
					(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null))
			.list();
	}

	@Transactional(readOnly = true)
	public Map<String, BigDecimal> weightsByCrimeType() {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		this.jdbc.sql("select crime_type, weight from harm_weight")
			.query((rs, row) -> weights.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return weights;
	}

	/**
	 * Sets the weights given (crime type to days); others stay as they are. Each change
	 * is audited. Nothing is saved if any weight is refused.
	 */
	public void update(Map<String, BigDecimal> weights, String source) {
		if (source == null || source.isBlank()) {
			throw new ValidationException("source", "Say where the weights come from");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		weights.forEach((crimeType, weight) -> {
			if (crimeType == null || crimeType.isBlank() || crimeType.length() > 80) {
				errors.put("weights", "Each crime type needs a name of 80 characters or fewer");
			}
			else if (IndicatorManagement.ANTI_SOCIAL_BEHAVIOUR_TYPE.equals(crimeType)) {
				errors.put("weights", "Anti-social behaviour is not a crime and has no harm weight");
			}
			else if (weight == null) {
				errors.put("weights[" + crimeType + "]", "Enter the weight of " + crimeType);
			}
			else if (IndicatorLimit.HARM_WEIGHT.refusal(weight) != null) {
				errors.put("weights[" + crimeType + "]",
						"The weight of " + crimeType + ": " + IndicatorLimit.HARM_WEIGHT.refusal(weight));
			}
		});
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Map<String, BigDecimal> current = weightsByCrimeType();
		Timestamp now = Timestamp.from(this.clock.instant());
		weights.forEach((crimeType, weight) -> {
			BigDecimal before = current.get(crimeType);
			if (before != null && before.compareTo(weight) == 0) {
				return;
			}
			this.jdbc
				.sql("insert into harm_weight (crime_type, weight, source, updated_at) values (?, ?, ?, ?) "
						+ "on conflict (crime_type) do update set weight = excluded.weight, source = excluded.source, "
						+ "updated_at = excluded.updated_at, version = harm_weight.version + 1")
				.params(crimeType, weight, source.strip(), now)
				.update();
			this.auditTrail.record("UPDATE", "HarmWeight", crimeType,
					(before != null) ? Map.of("weight", before) : null,
					Map.of("weight", weight, "source", source.strip()));
		});
	}

}
