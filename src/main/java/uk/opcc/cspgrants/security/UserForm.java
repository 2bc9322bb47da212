package uk.opcc.cspgrants.security;

import java.util.EnumSet;
import java.util.Set;

import uk.opcc.cspgrants.shared.Role;

/** The add-a-user and change-a-user forms. */
class UserForm {

	private String username;

	private String displayName;

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String partnershipCode;

	private String email;

	private Long managerId;

	private Long organisationId;

	private String password;

	private long version;

	static UserForm from(UserView user, String partnershipCode) {
		UserForm form = new UserForm();
		form.username = user.username();
		form.displayName = user.displayName();
		form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		form.partnershipCode = partnershipCode;
		form.email = user.email();
		form.managerId = user.managerId();
		form.organisationId = user.organisationId();
		form.version = user.version();
		return form;
	}

	AccountDetails toDetails() {
		return new AccountDetails(this.displayName, this.email, this.roles, this.partnershipCode, this.managerId,
				this.organisationId);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles == null) ? EnumSet.noneOf(Role.class) : roles;
	}

	public String getPartnershipCode() {
		return this.partnershipCode;
	}

	public void setPartnershipCode(String partnershipCode) {
		this.partnershipCode = partnershipCode;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Long getManagerId() {
		return this.managerId;
	}

	public void setManagerId(Long managerId) {
		this.managerId = managerId;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
