package uk.opcc.cspgrants.notifications;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.WorkItem;

/**
 * Every signed-in person's messages: what CSP Grants told them, by e-mail or here only,
 * newest first; one message whole; marking them all read.
 */
@Controller
@RequestMapping("/notifications")
class MessagesController {

	private final MessageList messages;

	MessagesController(MessageList messages) {
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") int page, Model model) {
		MessageList.MessagePage result = this.messages.pageFor(user.getUsername(), page);
		model.addAttribute("result", result);
		model.addAttribute("unreadText", WorkItem.count(result.unread(), "new message", "new messages"));
		return "notifications/list";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("message", this.messages.open(user.getUsername(), id));
		return "notifications/message";
	}

	@PostMapping("/read")
	String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int marked = this.messages.markAllRead(user.getUsername());
		redirect.addFlashAttribute("success", (marked == 0) ? "You had no new messages"
				: WorkItem.count(marked, "message", "messages") + " marked as read");
		return "redirect:/notifications";
	}

}
