package uk.opcc.cspgrants.monitoring;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import uk.opcc.cspgrants.shared.Quarter;

interface OrganisationReturnRepository extends JpaRepository<OrganisationReturn, Long> {

	@Query("select r from OrganisationReturn r where r.grantId = ?1 and r.quarter = ?2")
	Optional<OrganisationReturn> find(long grantId, Quarter quarter);

	/**
	 * The return, its row locked until the transaction ends: a step (submit, accept,
	 * return) taken by several people at once is taken by the first, and the others then
	 * read where it is now and are told who moved it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from OrganisationReturn r where r.grantId = ?1 and r.quarter = ?2")
	Optional<OrganisationReturn> findForStep(long grantId, Quarter quarter);

}
