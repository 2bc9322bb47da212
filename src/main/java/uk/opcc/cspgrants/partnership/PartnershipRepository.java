package uk.opcc.cspgrants.partnership;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnershipRepository extends JpaRepository<Partnership, Long> {

	@Query("select p from Partnership p where upper(p.code) = upper(?1)")
	Optional<Partnership> findByCode(String code);

	@Query("select p from Partnership p where lower(p.name) = lower(?1)")
	Optional<Partnership> findByName(String name);

	Optional<Partnership> findByOnsCode(String onsCode);

}
