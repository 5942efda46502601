package org.qinglian.intake.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.qinglian.intake.ReportDesk;
import org.qinglian.intake.ReportDesk.Classification;
import org.qinglian.intake.ReportDesk.OfficerEntry;
import org.qinglian.intake.ReportDesk.StaffEntry;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.web.Redirect;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's pages for reports: the workbench (what is due and overdue), entering a
 * visit, letter or call, one report with its work, and the information officers' form.
 */
@Controller
class ReportPages {

	private final ReportDesk desk;

	private final Scopes scopes;

	ReportPages(ReportDesk desk, Scopes scopes) {
		this.desk = desk;
		this.scopes = scopes;
	}

	@GetMapping("/staff/reports")
	String workbench(Model model) {
		model.addAttribute("rows", desk.workbench());
		model.addAttribute("load", desk.load());
		return "intake/workbench";
	}

	@GetMapping("/staff/reports/new")
	String entryForm(Model model) {
		model.addAttribute("villages", desk.regionsForEntry());
		return "intake/entry";
	}

	@PostMapping("/staff/reports")
	String enter(StaffEntry entry, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ReportDesk.Entered entered = desk.enter(entry);
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("entered", entered);
			model.addAttribute("receipt", PublicReportPages.grouped(entered.receiptCode()));
			return "intake/entered";
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
			return Redirect.to("/staff/reports/new");
		}
	}

	@GetMapping("/staff/reports/{reportId}")
	String report(@PathVariable String reportId, Model model) {
		ReportDesk.Detail detail = desk.report(reportId).orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("detail", detail);
		model.addAttribute("assignees", desk.assignees(reportId));
		model.addAttribute("county", scopes.current().regionCode().endsWith("000000"));
		return "intake/detail";
	}

	@GetMapping("/staff/reports/{reportId}/files/{sha256}")
	ResponseEntity<byte[]> file(@PathVariable String reportId, @PathVariable String sha256) {
		ReportDesk.FileContent file = desk.file(reportId, sha256).orElseThrow(Scope.NotInScopeException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(sha256).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

	@PostMapping("/staff/reports/{reportId}/classify")
	String classify(@PathVariable String reportId, Classification classification, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.classified", () -> desk.classify(reportId, classification));
	}

	@PostMapping("/staff/reports/{reportId}/assign")
	String assign(@PathVariable String reportId, @RequestParam String username, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.assigned", () -> desk.assign(reportId, username));
	}

	@PostMapping("/staff/reports/{reportId}/route")
	String route(@PathVariable String reportId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			desk.routeToCounty(reportId, reason);
			Flash.notice(redirect, "intake.routed");
			// the township office may no longer see it
			return Redirect.to("/staff/reports");
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
			return Redirect.to("/staff/reports/{id}", reportId);
		}
	}

	@PostMapping("/staff/reports/{reportId}/acknowledge")
	String acknowledge(@PathVariable String reportId, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.acknowledged", () -> desk.acknowledge(reportId));
	}

	@PostMapping("/staff/reports/{reportId}/extend")
	String extend(@PathVariable String reportId, @RequestParam(defaultValue = "30") int days,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.extended", () -> desk.extend(reportId, days, reason));
	}

	@PostMapping("/staff/reports/{reportId}/answer")
	String answer(@PathVariable String reportId, @RequestParam(required = false) String answer,
			RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.answered", () -> desk.answer(reportId, answer));
	}

	@PostMapping("/staff/reports/{reportId}/message")
	String message(@PathVariable String reportId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.messageSent", () -> desk.message(reportId, text));
	}

	@PostMapping("/staff/reports/{reportId}/note")
	String note(@PathVariable String reportId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.noted", () -> desk.note(reportId, text));
	}

	@PostMapping("/staff/reports/{reportId}/duplicate")
	String duplicate(@PathVariable String reportId, @RequestParam String original, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.duplicateConfirmed", () -> desk.confirmDuplicate(reportId, original));
	}

	@PostMapping("/staff/reports/{reportId}/rating")
	String rating(@PathVariable String reportId, @RequestParam boolean satisfied, RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.rated", () -> desk.rateInPerson(reportId, satisfied));
	}

	@PostMapping("/staff/reports/{reportId}/review")
	String review(@PathVariable String reportId, @RequestParam(required = false) String conclusion,
			RedirectAttributes redirect) {
		return act(reportId, redirect, "intake.reviewed", () -> desk.concludeReview(reportId, conclusion));
	}

	/**
	 * Shows the reporter's identity on a page of its own, never cached, never carried
	 * through a redirect.
	 */
	@PostMapping("/staff/reports/{reportId}/reveal")
	String reveal(@PathVariable String reportId, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			model.addAttribute("identity", desk.reveal(reportId, reason));
			model.addAttribute("reportId", reportId);
			response.setHeader("Cache-Control", "no-store");
			return "intake/revealed";
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
			return Redirect.to("/staff/reports/{id}", reportId);
		}
	}

	@GetMapping("/officer/reports")
	String officerForm(Model model) {
		model.addAttribute("clientKey", UUID.randomUUID().toString());
		model.addAttribute("raised", desk.raisedByMe());
		return "intake/officer";
	}

	@PostMapping("/officer/reports")
	String raise(OfficerEntry entry, RedirectAttributes redirect) {
		Flash.attempt(redirect, "intake.raised", () -> desk.raise(entry));
		return Redirect.to("/officer/reports");
	}

	private String act(String reportId, RedirectAttributes redirect, String notice, Runnable action) {
		Flash.attempt(redirect, notice, action);
		return Redirect.to("/staff/reports/{id}", reportId);
	}

}
