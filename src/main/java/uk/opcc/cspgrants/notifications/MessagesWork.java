package uk.opcc.cspgrants.notifications;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * "You have 2 new messages" on a person's home page, with the newest three: one query, on
 * the home page only (no other page counts messages).
 */
@Component
class MessagesWork implements WorkSource {

	private static final int NEWEST = 3;

	private final MessageList messages;

	MessagesWork(MessageList messages) {
		this.messages = messages;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		MessageList.Unread unread = this.messages.unread(user.getUsername(), NEWEST);
		if (unread.count() == 0) {
			return List.of();
		}
		return List.of(WorkItem.waiting(5, "You have " + WorkItem.count(unread.count(), "new message", "new messages"),
				"/notifications",
				unread.newest()
					.stream()
					.map(item -> new WorkItem.Link(item.subject(), "/notifications/" + item.id()))
					.toList()));
	}

}
