package uk.opcc.cspgrants.decision;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.security.UserView;
import uk.opcc.cspgrants.shared.Usernames;

/**
 * The names of the people who signed a record, as others see them ("Fran Finance"), in
 * place of the usernames the record keeps.
 */
@Component
class People {

	private final UserManagement users;

	People(UserManagement users) {
		this.users = users;
	}

	/** Everyone's name by normalised username, read once for a page. */
	Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		for (UserView user : this.users.list()) {
			names.put(Usernames.normalise(user.username()), user.displayName());
		}
		return names;
	}

	/** The name of one person; the username itself only if there is no such account. */
	static String nameOf(Map<String, String> names, String username) {
		if (username == null) {
			return null;
		}
		return names.getOrDefault(Usernames.normalise(username), username);
	}

}
