package uk.opcc.cspgrants.security;

/** An administrator's new password for a user. */
class PasswordResetForm {

	private String newPassword;

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

}
