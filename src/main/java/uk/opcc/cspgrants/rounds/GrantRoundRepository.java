package uk.opcc.cspgrants.rounds;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GrantRoundRepository extends JpaRepository<GrantRound, Long> {

	/**
	 * The round of a reference, whatever its case, locked until the transaction ends: the
	 * changes of one round take turns.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from GrantRound r where lower(r.reference) = lower(:reference)")
	Optional<GrantRound> findLocked(@Param("reference") String reference);

}
