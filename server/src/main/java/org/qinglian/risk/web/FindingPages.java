package org.qinglian.risk.web;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.RefusedException;
import org.qinglian.platform.Flash;
import org.qinglian.web.Redirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The findings of the user's jurisdiction and their triage: dismiss with a reason, or
 * turn into a clue (casework opens it).
 */
@Controller
class FindingPages {

	/** The findings a list shows at most. */
	static final int LIST_LIMIT = 500;

	private final RiskLibrary risk;

	private final Jurisdiction jurisdiction;

	private final Scopes scopes;

	FindingPages(RiskLibrary risk, Jurisdiction jurisdiction, Scopes scopes) {
		this.risk = risk;
		this.jurisdiction = jurisdiction;
		this.scopes = scopes;
	}

	@GetMapping("/staff/findings")
	String findings(@RequestParam(required = false) String region, @RequestParam(defaultValue = "open") String status,
			Model model) {
		String code = region == null || region.isBlank() ? scopes.current().regionCode() : region;
		model.addAttribute("region", jurisdiction.region(code).orElseThrow(Scope.NotInScopeException::new));
		model.addAttribute("status", status);
		model.addAttribute("findings", risk.findings(code, status, LIST_LIMIT));
		return "risk/findings";
	}

	@GetMapping("/staff/findings/{findingId}")
	String finding(@PathVariable String findingId, Model model) {
		model.addAttribute("detail", risk.finding(findingId).orElseThrow(Scope.NotInScopeException::new));
		return "risk/finding";
	}

	@PostMapping("/staff/findings/{findingId}/dismiss")
	String dismiss(@PathVariable String findingId, @RequestParam String reason, RedirectAttributes redirect) {
		try {
			risk.dismiss(findingId, reason);
			Flash.notice(redirect, "finding.dismissedNotice");
		}
		catch (RefusedException ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
		}
		return Redirect.to("/staff/findings/{id}", findingId);
	}

	@PostMapping("/staff/findings/{findingId}/clue")
	String clue(@PathVariable String findingId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			Flash.notice(redirect, "finding.clueOpened", risk.turnIntoClue(findingId, note));
		}
		catch (RefusedException ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
		}
		return Redirect.to("/staff/findings/{id}", findingId);
	}

}
