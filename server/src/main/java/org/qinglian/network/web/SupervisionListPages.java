package org.qinglian.network.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.qinglian.network.SupervisionList;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.web.Redirect;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The political supervision list (政治监督清单) for the offices. */
@Controller
class SupervisionListPages {

	private final SupervisionList list;

	private final Scopes scopes;

	private final Registry registry;

	private final Clock clock;

	SupervisionListPages(SupervisionList list, Scopes scopes, Registry registry, Clock clock) {
		this.list = list;
		this.scopes = scopes;
		this.registry = registry;
		this.clock = clock;
	}

	@GetMapping("/staff/supervision-list")
	String projects(Model model) {
		Scope scope = scopes.current();
		model.addAttribute("projects", list.projects());
		model.addAttribute("canRun", scope.can(Role.Permission.RUN_NETWORK));
		model.addAttribute("regions", registry.regionsUnder(scope.prefix()));
		model.addAttribute("scopeCode", scope.regionCode());
		return "network/supervision-list";
	}

	@PostMapping("/staff/supervision-list")
	String listProject(SupervisionList.NewProject project, RedirectAttributes redirect) {
		String[] id = new String[1];
		boolean done = Flash.attempt(redirect, "network.projectListed", () -> id[0] = list.list(project));
		return done ? Redirect.to("/staff/supervision-list/{id}", id[0]) : Redirect.to("/staff/supervision-list");
	}

	@GetMapping("/staff/supervision-list/{projectId}")
	String project(@PathVariable String projectId, Model model) {
		Scope scope = scopes.current();
		model.addAttribute("project", list.project(projectId).orElseThrow(Scope.NotInScopeException::new));
		model.addAttribute("canRun", scope.can(Role.Permission.RUN_NETWORK));
		model.addAttribute("today", LocalDate.now(clock));
		return "network/project";
	}

	@PostMapping("/staff/supervision-list/{projectId}/milestones")
	String milestone(@PathVariable String projectId, @RequestParam(required = false) String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.addMilestone(projectId, name, dueOn));
	}

	@PostMapping("/staff/supervision-list/{projectId}/milestones/{milestoneId}/done")
	String milestoneDone(@PathVariable String projectId, @PathVariable String milestoneId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.completeMilestone(projectId, milestoneId, doneOn));
	}

	@PostMapping("/staff/supervision-list/{projectId}/tasks")
	String task(@PathVariable String projectId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String ownerCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.addTask(projectId, kind, title, ownerCode, dueOn));
	}

	@PostMapping("/staff/supervision-list/{projectId}/problems")
	String problem(@PathVariable String projectId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String text,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn,
			RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.addProblem(projectId, kind, text, foundOn));
	}

	@PostMapping("/staff/supervision-list/{projectId}/problems/{problemId}/solved")
	String solved(@PathVariable String projectId, @PathVariable String problemId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate solvedOn,
			@RequestParam(required = false) String solution, RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.solveProblem(projectId, problemId, solvedOn, solution));
	}

	@PostMapping("/staff/supervision-list/{projectId}/progress")
	String progress(@PathVariable String projectId, @RequestParam(required = false) Integer pct,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(projectId, redirect, () -> list.reportProgress(projectId, pct == null ? -1 : pct, reportedOn, note));
	}

	/** A task done: by its village's member (from their page) or by the office. */
	@PostMapping("/tasks/{taskId}/done")
	String taskDone(@PathVariable String taskId, @RequestParam(required = false) String projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		Flash.attempt(redirect, "network.saved", () -> list.completeTask(taskId, doneOn, note));
		boolean member = scopes.current().can(Role.Permission.RAISE_MATTERS);
		return member || projectId == null ? Redirect.to("/grid")
				: Redirect.to("/staff/supervision-list/{id}", projectId);
	}

	private String act(String projectId, RedirectAttributes redirect, Runnable action) {
		Flash.attempt(redirect, "network.saved", action);
		return Redirect.to("/staff/supervision-list/{id}", projectId);
	}

}
