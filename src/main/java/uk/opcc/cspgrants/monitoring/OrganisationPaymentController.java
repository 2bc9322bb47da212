package uk.opcc.cspgrants.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.grants.OrganisationGrantManagement;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.web.DateParts;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Finance records a payment of a grant to an organisation paid: a page saying which
 * payment it is and what recording it does, with the date and reference to give; the
 * recording, once (400 for a date or reference that will not do, 409 naming who recorded
 * it first, what was typed kept); then back to the payments with a message.
 */
@Controller
@RequestMapping("/monitoring/payments/organisations/{id}")
class OrganisationPaymentController {

	private final OrganisationGrants grants;

	private final OrganisationGrantManagement management;

	OrganisationPaymentController(OrganisationGrants grants, OrganisationGrantManagement management) {
		this.grants = grants;
		this.management = management;
	}

	@GetMapping
	String check(@PathVariable("id") long paymentId, Model model) {
		OrganisationGrantView grant = grantOf(paymentId);
		OrganisationGrantView.Payment payment = paymentOf(grant, paymentId);
		return page(grant, payment, new OrganisationPaymentForm(DateParts.empty(), "", payment.version()), model);
	}

	@PostMapping
	String record(@PathVariable("id") long paymentId, @ModelAttribute OrganisationPaymentForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		OrganisationGrantView grant = grantOf(paymentId);
		try {
			OrganisationGrantView.Payment paid = this.management.recordPayment(paymentId, form.version(), form.date(),
					form.reference(), user);
			redirect.addFlashAttribute("success",
					"The payment of " + paid.amount().format() + " to " + grant.organisationName() + " for "
							+ Dates.day(paid.startsOn()) + " to " + Dates.day(paid.endsOn())
							+ " has been recorded as paid");
			return "redirect:/monitoring/payments?year=" + grant.year() + "#other-recipients";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			OrganisationGrantView now = grantOf(paymentId);
			OrganisationGrantView.Payment current = paymentOf(now, paymentId);
			return page(now, current, new OrganisationPaymentForm(form.paidOn(), form.reference(),
					refusal.conflict() ? Long.valueOf(current.version()) : form.version()), model);
		}
	}

	private OrganisationGrantView grantOf(long paymentId) {
		return this.grants.grantPaidBy(paymentId)
			.orElseThrow(() -> new NotFoundException("There is no payment " + paymentId));
	}

	private static OrganisationGrantView.Payment paymentOf(OrganisationGrantView grant, long paymentId) {
		return grant.payments().stream().filter(payment -> payment.id() == paymentId).findFirst().orElseThrow();
	}

	private static String page(OrganisationGrantView grant, OrganisationGrantView.Payment payment,
			OrganisationPaymentForm form, Model model) {
		model.addAttribute("grant", grant);
		model.addAttribute("payment", payment);
		model.addAttribute("form", form);
		return "monitoring/organisation-payment";
	}

}
