package uk.opcc.cspgrants.grants;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationGrantRepository extends JpaRepository<OrganisationGrant, Long> {

	boolean existsByAwardLineId(long awardLineId);

}
