package uk.opcc.cspgrants.commissioning;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FundingStreamRepository extends JpaRepository<FundingStream, Long> {

	/**
	 * The stream, its row locked until the transaction ends: changes of its amount and of
	 * what is allocated from it take turns, so that each sees the one before.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from FundingStream s where s.id = ?1")
	Optional<FundingStream> findLocked(long id);

}
