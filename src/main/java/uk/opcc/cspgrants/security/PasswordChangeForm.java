package uk.opcc.cspgrants.security;

/**
 * Changing one's own password: the current one, the new one twice, and the account's
 * version as the page read it. The passwords are never shown again.
 */
class PasswordChangeForm {

	private String currentPassword;

	private String newPassword;

	private String confirmPassword;

	private long version;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/** Empties the passwords, which are never sent back to the browser. */
	void forgetPasswords() {
		this.currentPassword = null;
		this.newPassword = null;
		this.confirmPassword = null;
	}

}
