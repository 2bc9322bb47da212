package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing one's own password in a browser, every page checked by axe-core at desktop and
 * phone widths: the page, a wrong current password and a guessable new one refused, the
 * password changed; then an administrator's page of that user with their sign-ins and the
 * change.
 */
class PasswordAccessibilityTest extends JourneyTest {

	@Autowired
	UserManagement users;

	@Test
	void changingYourPasswordAndAUsersSignInsMeetWcag22AaAtBothWidths() throws Exception {
		String username = "journey.pw" + (System.nanoTime() % 100_000);
		long id = this.users
			.create(username, new AccountDetails("Jo Journey", Set.of(Role.OFFICER), null), SignIn.DEMO_PASSWORD)
			.id();
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn(username);
		follow("Password");
		assertThat(heading()).isEqualTo("Change your password");
		checkThisPage("change your password", axe, problems);
		type("currentPassword", "not the password");
		type("newPassword", "password1234");
		type("confirmPassword", "password1234");
		press("Change password");
		assertThat(page()).contains("There is a problem", "Your current password is not right");
		checkThisPage("a wrong current password", axe, problems);
		type("currentPassword", SignIn.DEMO_PASSWORD);
		type("newPassword", "password1234");
		type("confirmPassword", "password1234");
		press("Change password");
		assertThat(page()).contains("The password is too easy to guess");
		checkThisPage("a guessable new password", axe, problems);
		type("currentPassword", SignIn.DEMO_PASSWORD);
		type("newPassword", "quarry pelican saxophone");
		type("confirmPassword", "quarry pelican saxophone");
		press("Change password");
		assertThat(page()).contains("Your password has been changed");
		checkThisPage("the password changed", axe, problems);
		// the page that asks for the password again before a change to how anyone signs
		// in
		open("/account/confirm");
		assertThat(heading()).isEqualTo("Confirm it is you");
		checkThisPage("confirm it is you", axe, problems);
		type("password", "not it");
		press("Continue");
		assertThat(page()).contains("There is a problem", "The password is not right");
		checkThisPage("confirm it is you, refused", axe, problems);
		type("password", "quarry pelican saxophone");
		press("Continue");
		signOut();
		signIn("admin");
		open("/admin/users/" + id);
		assertThat(page()).contains("Sign-ins and changes", "Jo Journey signed in",
				"A sign-in as Jo Journey was refused", "Jo Journey changed their password",
				"Reason: a wrong password, changing the password");
		checkThisPage("a user's sign-ins and changes", axe, problems);
		// a password an administrator set is changed first: the page says why
		String given = "journey.given" + (System.nanoTime() % 100_000);
		this.users.createWithFirstPassword(given, new AccountDetails("Gil Given", Set.of(Role.OFFICER), null),
				SignIn.DEMO_PASSWORD);
		signOut();
		signIn(given);
		open("/grants");
		assertThat(heading()).isEqualTo("Change your password");
		assertThat(page()).contains("Choose your own password before you carry on");
		checkThisPage("choose your own password first", axe, problems);
		assertThat(problems).isEmpty();
	}

}
