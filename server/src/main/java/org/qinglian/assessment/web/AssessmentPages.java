package org.qinglian.assessment.web;

import java.math.BigDecimal;

import org.qinglian.assessment.Assessments;
import org.qinglian.assessment.CountyBoard;
import org.qinglian.assessment.Standards;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.web.Redirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The yearly assessment of the township offices, the county's view of its townships with
 * drill-down, and the creation standards' editor.
 */
@Controller
class AssessmentPages {

	private final Assessments assessments;

	private final CountyBoard board;

	private final Standards standards;

	private final Scopes scopes;

	AssessmentPages(Assessments assessments, CountyBoard board, Standards standards, Scopes scopes) {
		this.assessments = assessments;
		this.board = board;
		this.standards = standards;
		this.scopes = scopes;
	}

	@GetMapping("/staff/assessment")
	String assessment(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? board.defaultYear() : year;
		Scope scope = scopes.current();
		model.addAttribute("assessment", assessments.assess(y));
		model.addAttribute("canAssess",
				scope.can(Role.Permission.ASSESS_OFFICES) && scope.regionCode().endsWith("000000"));
		return "assessment/assessment";
	}

	@PostMapping("/staff/assessment/reviews")
	String review(@RequestParam(required = false) Integer year, @RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) String itemCode, @RequestParam(required = false) BigDecimal score,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		int y = year == null ? 0 : year;
		Flash.attempt(redirect, "assessment.reviewed",
				() -> assessments.review(y, townshipCode, itemCode, score, note));
		return Redirect.to("/staff/assessment?year={y}", y);
	}

	@PostMapping("/staff/assessment/designations")
	String designate(@RequestParam(required = false) Integer year, @RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		int y = year == null ? 0 : year;
		Flash.attempt(redirect, "assessment.designated.notice", () -> assessments.designate(y, townshipCode, note));
		return Redirect.to("/staff/assessment?year={y}", y);
	}

	@GetMapping("/staff/county")
	String county(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? board.defaultYear() : year;
		model.addAttribute("board", board.board(y));
		return "assessment/county";
	}

	@GetMapping("/staff/county/{code}")
	String township(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? board.defaultYear() : year;
		model.addAttribute("page", board.township(code, y).orElseThrow(Scope.NotInScopeException::new));
		return "assessment/county-township";
	}

	@GetMapping("/admin/scorecard")
	String scorecard(Model model) {
		scopes.current().require(Role.Permission.EDIT_STANDARDS);
		model.addAttribute("aspects", standards.aspects());
		model.addAttribute("metrics", org.qinglian.assessment.Metric.values());
		return "assessment/scorecard";
	}

	@PostMapping("/admin/scorecard/items/{itemCode}")
	String change(@PathVariable String itemCode, Standards.ItemChange change, RedirectAttributes redirect) {
		Flash.attempt(redirect, "assessment.saved", () -> standards.change(itemCode, change));
		return Redirect.to("/admin/scorecard");
	}

	@PostMapping("/admin/scorecard/items")
	String add(Standards.NewItem item, RedirectAttributes redirect) {
		Flash.attempt(redirect, "assessment.saved", () -> standards.add(item));
		return Redirect.to("/admin/scorecard");
	}

}
