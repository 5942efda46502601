package org.qinglian.casework.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.qinglian.casework.CaseNotices;
import org.qinglian.casework.CaseFiles;
import org.qinglian.casework.Clues;
import org.qinglian.casework.EducationEvents;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Scope;
import org.qinglian.web.Redirect;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's pages for clues and cases: the clue list and a clue's disposition, the
 * case list with the follow-ups due, a case file with its group, rounds, notes, review,
 * decision, follow-ups and notice; warning-education events; and the public's notices.
 */
@Controller
class CasePages {

	private final Clues clues;

	private final CaseFiles cases;

	private final EducationEvents events;

	private final CaseNotices notices;

	private final Clock clock;

	CasePages(Clues clues, CaseFiles cases, EducationEvents events, CaseNotices notices, Clock clock) {
		this.clues = clues;
		this.cases = cases;
		this.events = events;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/staff/clues")
	String clues(@RequestParam(defaultValue = "open") String status, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("clues", clues.clues(status));
		return "casework/clues";
	}

	@PostMapping("/staff/clues")
	String openClue(@RequestParam(required = false) String source, @RequestParam(required = false) String sourceId,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String summary, RedirectAttributes redirect) {
		try {
			String id = clues.openClue(source, sourceId, regionCode, subjectId, summary);
			Flash.notice(redirect, "casework.clueOpened", id);
			return Redirect.to("/staff/clues/{id}", id);
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
			return Redirect.to("/staff/clues");
		}
	}

	@GetMapping("/staff/clues/{clueId}")
	String clue(@PathVariable String clueId, Model model) {
		model.addAttribute("detail", clues.clue(clueId).orElseThrow(Scope.NotInScopeException::new));
		return "casework/clue";
	}

	@PostMapping("/staff/clues/{clueId}/dispose")
	String dispose(@PathVariable String clueId, @RequestParam(required = false) String disposition,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String approver,
			RedirectAttributes redirect) {
		return act(redirect, "casework.disposed", Redirect.to("/staff/clues/{id}", clueId),
				() -> clues.dispose(clueId, disposition, reason, approver));
	}

	@PostMapping("/staff/clues/{clueId}/verification")
	String verification(@PathVariable String clueId, @RequestParam(required = false) String conclusion,
			RedirectAttributes redirect) {
		return act(redirect, "casework.verified", Redirect.to("/staff/clues/{id}", clueId),
				() -> clues.concludeVerification(clueId, conclusion));
	}

	@PostMapping("/staff/clues/{clueId}/case")
	String fileCase(@PathVariable String clueId, @RequestParam(required = false) String handling,
			@RequestParam(required = false) String approver, RedirectAttributes redirect) {
		return act(redirect, "casework.filingRequested", Redirect.to("/staff/clues/{id}", clueId),
				() -> clues.fileCase(clueId, handling, approver));
	}

	/**
	 * The approver approves what waits for them: a disposition, or a filing (to the
	 * case).
	 */
	@PostMapping("/staff/clues/{clueId}/approve")
	String approve(@PathVariable String clueId, RedirectAttributes redirect) {
		try {
			String caseId = clues.approve(clueId);
			if (caseId != null) {
				Flash.notice(redirect, "casework.filed", caseId);
				return Redirect.to("/staff/cases/{id}", caseId);
			}
			Flash.notice(redirect, "casework.approved");
		}
		catch (Refused ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
		}
		return Redirect.to("/staff/clues/{id}", clueId);
	}

	@GetMapping("/staff/cases")
	String cases(Model model) {
		model.addAttribute("cases", cases.cases());
		model.addAttribute("followups", cases.openFollowups());
		return "casework/cases";
	}

	@GetMapping("/staff/cases/{caseId}")
	String caseFile(@PathVariable String caseId, Model model) {
		model.addAttribute("detail", cases.caseFile(caseId).orElseThrow(Scope.NotInScopeException::new));
		model.addAttribute("followupKinds", CaseFiles.FOLLOWUPS);
		model.addAttribute("today", LocalDate.now(clock));
		return "casework/case";
	}

	@PostMapping("/staff/cases/{caseId}/group")
	String group(@PathVariable String caseId, @RequestParam(name = "member", required = false) List<String> members,
			@RequestParam(required = false) String lead, RedirectAttributes redirect) {
		return act(redirect, "casework.groupFormed", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.formGroup(caseId, members, lead));
	}

	@PostMapping("/staff/cases/{caseId}/rounds")
	String round(@PathVariable String caseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String members, @RequestParam(required = false) String conclusions,
			RedirectAttributes redirect) {
		return act(redirect, "casework.roundAdded", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.addRound(caseId, heldOn, members, conclusions));
	}

	@PostMapping("/staff/cases/{caseId}/notes")
	String note(@PathVariable String caseId, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return act(redirect, "casework.noted", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.addNote(caseId, text));
	}

	@PostMapping("/staff/cases/{caseId}/review")
	String review(@PathVariable String caseId, @RequestParam(required = false) String opinion,
			RedirectAttributes redirect) {
		return act(redirect, "casework.reviewed", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.review(caseId, opinion));
	}

	@PostMapping("/staff/cases/{caseId}/decision")
	String decide(@PathVariable String caseId, @RequestParam(required = false) String violation,
			@RequestParam(required = false) String sanction, @RequestParam(required = false) BigDecimal recovered,
			@RequestParam(defaultValue = "false") boolean typical, RedirectAttributes redirect) {
		return act(redirect, "casework.decided", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.decide(caseId, violation, sanction, recovered, typical));
	}

	@PostMapping("/staff/cases/{caseId}/followups/{kind}")
	String followup(@PathVariable String caseId, @PathVariable String kind,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		return act(redirect, "casework.followupDone", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.completeFollowup(caseId, kind, evidence));
	}

	@PostMapping("/staff/cases/{caseId}/notice")
	String notice(@PathVariable String caseId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return act(redirect, "casework.noticePublished", Redirect.to("/staff/cases/{id}", caseId),
				() -> cases.publishNotice(caseId, text));
	}

	@PostMapping("/staff/cases/{caseId}/close")
	String close(@PathVariable String caseId, RedirectAttributes redirect) {
		return act(redirect, "casework.closed", Redirect.to("/staff/cases/{id}", caseId), () -> cases.close(caseId));
	}

	@GetMapping("/staff/education")
	String events(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("events", events.events(y));
		return "casework/education";
	}

	@PostMapping("/staff/education")
	String recordEvent(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String place, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String attendees, RedirectAttributes redirect) {
		return act(redirect, "casework.eventRecorded", Redirect.to("/staff/education"),
				() -> events.recordEvent(heldOn, kind, title, place, regionCode,
						attendees == null ? List.of() : Arrays.asList(attendees.split("[,，\\s]+"))));
	}

	@GetMapping("/public/notices")
	String notices(@RequestParam(required = false) String region, Model model) {
		model.addAttribute("notices", notices.published(region, 50));
		return "casework/notices";
	}

	private static String act(RedirectAttributes redirect, String notice, String back, Runnable action) {
		Flash.attempt(redirect, notice, action);
		return back;
	}

}
