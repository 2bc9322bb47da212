package uk.opcc.cspgrants.notifications;

/**
 * The answers of the preferences page, as the radios send them.
 *
 * @param byEmail {@code true}: by e-mail and in CSP Grants; {@code false}: in CSP Grants
 * only; {@code null}: not answered
 * @param dailyDigest {@code true}: one summary each working day; {@code false}: an e-mail
 * for each message; {@code null}: not answered
 * @param version the version of the choice the page showed
 */
record PreferencesForm(Boolean byEmail, Boolean dailyDigest, Long version) {

	static PreferencesForm from(Preferences.Choice choice) {
		return new PreferencesForm(choice.byEmail(), choice.dailyDigest(), choice.version());
	}

	PreferencesForm withVersion(long current) {
		return new PreferencesForm(this.byEmail, this.dailyDigest, current);
	}

	long versionOrNew() {
		return (this.version != null) ? this.version : Preferences.NEVER_SAVED;
	}

}
