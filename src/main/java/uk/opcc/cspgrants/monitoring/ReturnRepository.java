package uk.opcc.cspgrants.monitoring;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import uk.opcc.cspgrants.shared.Quarter;

/** Stores quarterly returns with their activities. */
interface ReturnRepository extends JpaRepository<QuarterlyReturn, Long> {

	@Query("select r from QuarterlyReturn r where r.partnershipId = ?1 and r.financialYear = ?2 and r.quarter = ?3")
	Optional<QuarterlyReturn> find(long partnershipId, int financialYear, Quarter quarter);

	/** The latest return of the year before {@code quarter}, if any. */
	@Query("select r from QuarterlyReturn r where r.partnershipId = ?1 and r.financialYear = ?2 and r.quarter in ?3 "
			+ "order by r.quarter desc limit 1")
	Optional<QuarterlyReturn> latestOf(long partnershipId, int financialYear, java.util.List<Quarter> quarters);

}
