package uk.opcc.cspgrants.rounds;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a round's themes, criteria and scale points, each replaced as a whole. The
 * database refuses them unless the round is a draft, and refuses criteria whose weights
 * do not add up to 100 when the transaction commits.
 */
@Component
class RoundSetupStore {

	private final JdbcClient jdbc;

	RoundSetupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replaceThemes(long roundId, List<Long> themeIds) {
		this.jdbc.sql("delete from round_theme where round_id = ?").param(roundId).update();
		for (Long themeId : themeIds) {
			this.jdbc.sql("insert into round_theme (round_id, theme_id) values (?, ?)")
				.params(roundId, themeId)
				.update();
		}
	}

	void replaceCriteria(long roundId, RoundCriteria criteria) {
		this.jdbc.sql("delete from round_criterion where round_id = ?").param(roundId).update();
		int position = 1;
		for (Criterion criterion : criteria.criteria()) {
			this.jdbc
				.sql("insert into round_criterion (round_id, position, name, guidance, weight) values (?, ?, ?, ?, ?)")
				.params(roundId, position++, criterion.name(), criterion.guidance(), criterion.weight())
				.update();
		}
	}

	/** Takes the old points away, before the top of the scale moves. */
	void removeScale(long roundId) {
		this.jdbc.sql("delete from round_scale_point where round_id = ?").param(roundId).update();
	}

	/** Writes the points, after the top of the scale has moved. */
	void addScale(long roundId, RoundScale scale) {
		for (ScalePoint point : scale.points()) {
			this.jdbc.sql("insert into round_scale_point (round_id, point, description) values (?, ?, ?)")
				.params(roundId, point.point(), point.description())
				.update();
		}
	}

}
