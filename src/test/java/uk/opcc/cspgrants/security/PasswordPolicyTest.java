package uk.opcc.cspgrants.security;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules for a new password without Spring: a password made of the person's username,
 * name and e-mail address and this service's words is refused however they are joined
 * (the passwords a tester set on 4 December 2026), while random words that happen to
 * include one of them are not.
 */
class PasswordPolicyTest {

	private static final List<String> OLU = Arrays.asList("officer", "Olu Officer", "olu.officer@opcc.example");

	@Test
	void aPasswordMadeOfTheNameUsernameAndServiceIsRefusedHoweverJoined() {
		for (String password : List.of("oluofficer1234", "olu officer police grants", "oluofficerpolice",
				"police grants leicester", "csp grants csp grants", "OluOfficer2024!!", "opcc.example olu 99")) {
			assertThatThrownBy(() -> PasswordPolicy.check("newPassword", password, OLU)).as(password)
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("it is made of your name, your username or this service's name");
		}
	}

	@Test
	void randomWordsThatIncludeOneOfThemAreAccepted() {
		assertThatNoException()
			.isThrownBy(() -> PasswordPolicy.check("newPassword", "violet police tractor harbour", OLU));
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("newPassword", "lantern orchard velvet 42", OLU));
	}

	@Test
	void theCurrentPasswordsWordsRearrangedAreRefusedSayingSo() {
		assertThatThrownBy(
				() -> PasswordPolicy.check("newPassword", "harbour violet tractor", OLU, "tractor violet harbour"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("made of the words of your current one");
		assertThatNoException().isThrownBy(
				() -> PasswordPolicy.check("newPassword", "lantern orchard velvet 42", OLU, "tractor violet harbour"));
	}

	@Test
	void eachWordOfTheNameUsernameAndAddressCountsAsWellAsTheWhole() {
		assertThat(PasswordPolicy.guessable(Arrays.asList("olu.officer", "Olu Officer", null))).contains("olu.officer",
				"olu", "officer", "olu officer", "police", "grants");
		assertThat(PasswordPolicy.madeOf("Officer-Olu-2026", PasswordPolicy.guessable(OLU))).isTrue();
		assertThat(PasswordPolicy.madeOf("Officer-Olu-zebra", PasswordPolicy.guessable(OLU))).isFalse();
	}

}
