package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Formulas and their versions. A version an approved run has used is locked: changing the
 * formula then makes a new version, so that every run can always be reproduced.
 */
@Service
@Transactional
public class FormulaManagement {

	private static final String COLUMNS = "v.id, v.formula_id, f.name, v.number, v.weights::text as weights, v.window_years, "
			+ "v.floor_amount, v.floor_percent, v.max_decrease_percent, v.max_increase_percent, v.locked, v.created_at, v.created_by";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail auditTrail;

	private final Clock clock;

	FormulaManagement(JdbcClient jdbc, JsonMapper json, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The latest version of every formula, by name. */
	@Transactional(readOnly = true)
	public List<FormulaVersionView> latestVersions() {
		return this.jdbc
			.sql("select " + COLUMNS + " from formula_version v join formula f on f.id = v.formula_id "
					+ "where v.number = (select max(number) from formula_version w where w.formula_id = v.formula_id) "
					+ "order by lower(f.name)")
			.query(this::toVersion)
			.list();
	}

	/**
	 * The formula versions of published runs (approved, and those superseded since), by
	 * name: what the public may compare with; other formulas are the office's drafts.
	 */
	@Transactional(readOnly = true)
	public List<FormulaVersionView> publishedVersions() {
		return this.jdbc
			.sql("select " + COLUMNS + " from formula_version v join formula f on f.id = v.formula_id "
					+ "where v.id in (select formula_version_id from formula_run where status in ('APPROVED', "
					+ "'SUPERSEDED')) order by lower(f.name), v.number")
			.query(this::toVersion)
			.list();
	}

	/** Every version of one formula, newest first. */
	@Transactional(readOnly = true)
	public List<FormulaVersionView> versionsOf(long formulaId) {
		List<FormulaVersionView> versions = this.jdbc
			.sql("select " + COLUMNS + " from formula_version v join formula f on f.id = v.formula_id "
					+ "where v.formula_id = ? order by v.number desc")
			.param(formulaId)
			.query(this::toVersion)
			.list();
		if (versions.isEmpty()) {
			throw new NotFoundException("There is no formula with the id " + formulaId);
		}
		return versions;
	}

	@Transactional(readOnly = true)
	public FormulaVersionView version(long versionId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from formula_version v join formula f on f.id = v.formula_id where v.id = ?")
			.param(versionId)
			.query(this::toVersion)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no formula version with the id " + versionId));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<FormulaVersionView> findLatestByName(String name) {
		return latestVersions().stream().filter(version -> version.name().equalsIgnoreCase(name)).findFirst();
	}

	/** A new formula, as its version 1. */
	public FormulaVersionView create(FormulaDetails details) {
		FormulaRules.check(details);
		if (findLatestByName(details.name()).isPresent()) {
			throw new ConflictException("name", "A formula called " + details.name() + " already exists");
		}
		long formulaId = this.jdbc
			.sql("insert into formula (name, created_at, created_by) values (?, ?, ?) returning id")
			.params(details.name(), Timestamp.from(this.clock.instant()), AuditTrail.currentActor())
			.query(Long.class)
			.single();
		FormulaVersionView created = insertVersion(formulaId, 1, details);
		this.auditTrail.record("CREATE", "FormulaVersion", created.id(), null, created);
		return created;
	}

	/**
	 * Changes a formula: its latest version in place while no approved run has used it,
	 * otherwise as a new version.
	 */
	public FormulaVersionView change(long formulaId, FormulaDetails details) {
		FormulaRules.check(details);
		FormulaVersionView latest = versionsOf(formulaId).get(0);
		if (!latest.name().equalsIgnoreCase(details.name()) && findLatestByName(details.name()).isPresent()) {
			throw new ConflictException("name", "A formula called " + details.name() + " already exists");
		}
		this.jdbc.sql("update formula set name = ? where id = ?").params(details.name(), formulaId).update();
		FormulaVersionView changed;
		if (latest.locked()) {
			changed = insertVersion(formulaId, latest.number() + 1, details);
			this.auditTrail.record("CREATE", "FormulaVersion", changed.id(), latest, changed);
		}
		else {
			this.jdbc.sql("update formula_version set weights = cast(? as jsonb), window_years = ?, floor_amount = ?, "
					+ "floor_percent = ?, max_decrease_percent = ?, max_increase_percent = ? where id = ? and not locked")
				.params(this.json.writeValueAsString(details.weights()), details.windowYears(), details.floorAmount(),
						details.floorPercent(), details.maxDecreasePercent(), details.maxIncreasePercent(), latest.id())
				.update();
			changed = version(latest.id());
			this.auditTrail.record("UPDATE", "FormulaVersion", changed.id(), latest, changed);
		}
		return changed;
	}

	/** Locks a version once an approved run uses it. */
	void lock(long versionId) {
		this.jdbc.sql("update formula_version set locked = true where id = ?").param(versionId).update();
	}

	private FormulaVersionView insertVersion(long formulaId, int number, FormulaDetails details) {
		long id = this.jdbc
			.sql("insert into formula_version (formula_id, number, weights, window_years, floor_amount, floor_percent, "
					+ "max_decrease_percent, max_increase_percent, created_at, created_by) "
					+ "values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(formulaId, number, this.json.writeValueAsString(details.weights()), details.windowYears(),
					details.floorAmount(), details.floorPercent(), details.maxDecreasePercent(),
					details.maxIncreasePercent(), Timestamp.from(this.clock.instant()), AuditTrail.currentActor())
			.query(Long.class)
			.single();
		return version(id);
	}

	private FormulaVersionView toVersion(ResultSet rs, int row) throws SQLException {
		Map<String, BigDecimal> weights = new LinkedHashMap<>(
				this.json.readValue(rs.getString("weights"), new TypeReference<Map<String, BigDecimal>>() {
				}));
		return new FormulaVersionView(rs.getLong("id"), rs.getLong("formula_id"), rs.getString("name"),
				rs.getInt("number"), weights, rs.getInt("window_years"), rs.getBigDecimal("floor_amount"),
				rs.getBigDecimal("floor_percent"), rs.getBigDecimal("max_decrease_percent"),
				rs.getBigDecimal("max_increase_percent"), rs.getBoolean("locked"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	/** The rules a formula must meet, with messages for the form. */
	static final class FormulaRules {

		private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

		/** The largest rise a {@code numeric(9,4)} column holds. */
		private static final BigDecimal MOST_INCREASE = new BigDecimal("99999.9999");

		private static final int PERCENT_DECIMALS = 4;

		private FormulaRules() {
		}

		static void check(FormulaDetails details) {
			Map<String, String> errors = new LinkedHashMap<>();
			if (details.name() == null || details.name().isBlank()) {
				errors.put("name", "Enter a name for the formula");
			}
			else if (details.name().length() > 120) {
				errors.put("name", "The name must be 120 characters or fewer");
			}
			BigDecimal total = BigDecimal.ZERO;
			for (Map.Entry<String, BigDecimal> weight : details.weights().entrySet()) {
				if (!weight.getKey().matches("[a-z][a-z0-9_]{1,59}")) {
					errors.put("weights", "The indicator " + weight.getKey() + " is not a known indicator name");
				}
				else if (weight.getValue() == null || weight.getValue().signum() < 0
						|| weight.getValue().compareTo(HUNDRED) > 0) {
					errors.put("weights", "Each weight must be between 0% and 100%");
				}
				else if (decimalPlaces(weight.getValue()) > PERCENT_DECIMALS) {
					errors.put("weights", "Each weight can have no more than 4 decimal places, like 33.3333");
				}
				else {
					total = total.add(weight.getValue());
				}
			}
			if (details.weights().isEmpty()) {
				errors.put("weights", "Give at least one indicator a weight");
			}
			else if (!errors.containsKey("weights") && total.compareTo(HUNDRED) != 0) {
				errors.put("weights", "The weights add up to " + total.stripTrailingZeros().toPlainString()
						+ "%; they must add up to exactly 100%");
			}
			if (details.windowYears() < 1 || details.windowYears() > 10) {
				errors.put("windowYears", "Average over 1 to 10 financial years");
			}
			if (details.floorAmount() != null && details.floorPercent() != null) {
				errors.put("floorAmount", "Give a floor in pounds or as a percentage of the pot, not both");
			}
			if (details.floorAmount() != null
					&& (details.floorAmount().signum() < 0 || decimalPlaces(details.floorAmount()) > 2)) {
				errors.put("floorAmount", "The floor must be an amount in pounds and pence of 0 or more");
			}
			else if (details.floorAmount() != null && details.floorAmount().compareTo(Money.LIMIT) >= 0) {
				errors.put("floorAmount", "The floor must be less than £10,000,000,000,000.00");
			}
			percent(errors, "floorPercent", details.floorPercent(), HUNDRED,
					"The floor must be between 0% and 100% of the pot");
			percent(errors, "maxDecreasePercent", details.maxDecreasePercent(), HUNDRED,
					"The largest fall must be between 0% and 100%");
			percent(errors, "maxIncreasePercent", details.maxIncreasePercent(), MOST_INCREASE,
					"The largest rise must be between 0% and 99,999.9999%");
			if (!errors.isEmpty()) {
				throw new ValidationException(errors);
			}
		}

		/**
		 * A percentage between 0 and {@code most}, with no more decimal places than its
		 * column ({@code numeric(7,4)} or {@code numeric(9,4)}) keeps.
		 */
		private static void percent(Map<String, String> errors, String field, BigDecimal value, BigDecimal most,
				String outOfRange) {
			if (value == null) {
				return;
			}
			if (value.signum() < 0 || value.compareTo(most) > 0) {
				errors.put(field, outOfRange);
			}
			else if (decimalPlaces(value) > PERCENT_DECIMALS) {
				errors.put(field, "Enter a percentage with no more than 4 decimal places, like 2.5");
			}
		}

		private static int decimalPlaces(BigDecimal value) {
			return Math.max(0, value.stripTrailingZeros().scale());
		}

	}

}
