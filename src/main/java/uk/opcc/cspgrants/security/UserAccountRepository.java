package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import uk.opcc.cspgrants.shared.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	/**
	 * The account whose stored username is exactly this one, already normalised by
	 * {@link Usernames#normalise}.
	 */
	@EntityGraph(attributePaths = "roles")
	@Query("select u from UserAccount u where u.username = ?1")
	Optional<UserAccount> findByUsername(String normalisedUsername);

	@EntityGraph(attributePaths = "roles")
	@Query("select distinct u from UserAccount u order by u.username")
	List<UserAccount> findAllWithRoles();

	/**
	 * Whether the account signs in through the organisation's provider (and so never with
	 * a password).
	 */
	@Query(value = "select exists (select 1 from single_sign_on_account where user_id = ?1)", nativeQuery = true)
	boolean signsInThroughProvider(long id);

	@Query("select count(u) > 0 from UserAccount u join u.roles r where r = ?1 and u.enabled = true "
			+ "and u.serviceAccount = false")
	boolean existsEnabledWithRole(Role role);

}
