package uk.opcc.cspgrants.grants;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stores grants with their lines and payments. */
interface GrantRepository extends JpaRepository<Grant, Long> {

	@Query("select g from Grant g where g.partnershipId = ?1 and g.financialYear = ?2")
	Optional<Grant> find(long partnershipId, int financialYear);

	@Query("select g from Grant g where g.financialYear = ?1 and g.partnershipId in ?2 order by g.partnershipId")
	List<Grant> findAll(int financialYear, List<Long> partnershipIds);

	/**
	 * Makes the grant of a partnership and year if there is none yet. Two people making
	 * it at the same moment get the same grant: the second waits for the first and then
	 * does nothing.
	 */
	@Modifying
	@Query(value = "insert into grant_award (partnership_id, financial_year, carry_forward, carry_forward_kind, "
			+ "created_at, updated_at) values (?1, ?2, 0, 'NONE', ?3, ?3) "
			+ "on conflict (partnership_id, financial_year) do nothing", nativeQuery = true)
	int createIfAbsent(long partnershipId, int financialYear, Instant now);

}
