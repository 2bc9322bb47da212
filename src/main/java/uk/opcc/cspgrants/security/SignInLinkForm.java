package uk.opcc.cspgrants.security;

/**
 * The form where an applicant asks for a sign-in link: their e-mail address, and the page
 * under {@code /apply} they were going to (kept in a hidden field).
 */
public class SignInLinkForm {

	private String email = "";

	private String next = NextPath.HOME;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email : "";
	}

	public String getNext() {
		return this.next;
	}

	public void setNext(String next) {
		this.next = NextPath.orHome(next);
	}

}
