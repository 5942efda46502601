package org.qinglian.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.qinglian.casework.Cases;
import org.qinglian.intake.Reports;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.FindingView;
import org.qinglian.risk.RiskScores;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk library's pages: findings of the jurisdiction with triage, a cadre's profile
 * (画像), the political ecology of villages (政治生态研判) with charts, and the rules' settings
 * for the administrator.
 */
@Controller
class RiskPagesController {

	private final RiskLibrary risk;

	private final Jurisdiction jurisdiction;

	private final PowerList powerList;

	private final Reports reports;

	private final Cases cases;

	private final Scopes scopes;

	private final MessageSource messages;

	private final org.qinglian.assets.VillageAccounts accounts;

	private final JsonMapper json = JsonMapper.builder().build();

	RiskPagesController(RiskLibrary risk, Jurisdiction jurisdiction, PowerList powerList, Reports reports, Cases cases,
			Scopes scopes, MessageSource messages, org.qinglian.assets.VillageAccounts accounts) {
		this.accounts = accounts;
		this.risk = risk;
		this.jurisdiction = jurisdiction;
		this.powerList = powerList;
		this.reports = reports;
		this.cases = cases;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping("/staff/findings")
	String findings(@RequestParam(required = false) String region, @RequestParam(defaultValue = "open") String status,
			Model model) {
		Scope scope = scopes.current();
		String code = region == null || region.isBlank() ? scope.regionCode() : region;
		model.addAttribute("region", jurisdiction.region(code).orElseThrow(Scope.NotInScopeException::new));
		model.addAttribute("status", status);
		model.addAttribute("findings", risk.findings(code, status, 500));
		return "staff/findings";
	}

	@GetMapping("/staff/findings/{findingId}")
	String finding(@PathVariable String findingId, Model model) {
		model.addAttribute("detail", risk.finding(findingId).orElseThrow(Scope.NotInScopeException::new));
		return "staff/finding";
	}

	@PostMapping("/staff/findings/{findingId}/dismiss")
	String dismiss(@PathVariable String findingId, @RequestParam String reason, RedirectAttributes redirect) {
		try {
			risk.dismiss(findingId, reason);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return Redirect.to("/staff/findings/{id}", findingId);
	}

	@PostMapping("/staff/findings/{findingId}/clue")
	String clue(@PathVariable String findingId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("clue", risk.turnIntoClue(findingId, note));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return Redirect.to("/staff/findings/{id}", findingId);
	}

	@GetMapping("/staff/people/{personId}")
	String person(@PathVariable String personId, Model model) {
		Jurisdiction.PersonFile file = jurisdiction.person(personId).orElseThrow(Scope.NotInScopeException::new);
		List<FindingView> findings = risk.findingsAbout(personId);
		var exercises = powerList.initiatedBy(personId, 50);
		var reportList = reports.naming(personId);
		var caseList = cases.naming(personId);
		RiskScores.Inputs inputs = new RiskScores.Inputs(count(findings, "open", "HIGH"),
				count(findings, "open", "MEDIUM"), count(findings, "open", "LOW"),
				findings.stream().filter(f -> f.status().equals("clue")).count(),
				exercises.stream().filter(e -> Boolean.FALSE.equals(e.conforms())).count(), exercises.size(),
				reportList.stream().filter(r -> r.kind().equals("accusation")).count(),
				caseList.stream().filter(c -> c.sanction() != null && !c.sanction().equals("none")).count());
		model.addAttribute("file", file);
		model.addAttribute("score", RiskScores.cadre(inputs));
		model.addAttribute("findings", findings);
		model.addAttribute("exercises", exercises);
		model.addAttribute("vouchers", accounts.approvedBy(personId, 30));
		model.addAttribute("reports", reportList);
		model.addAttribute("cases", caseList);
		model.addAttribute("regionNames", regionNames());
		return "staff/person";
	}

	private static long count(List<FindingView> findings, String status, String severity) {
		return findings.stream().filter(f -> f.status().equals(status) && f.severity().equals(severity)).count();
	}

	private Map<String, String> regionNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jurisdiction.regions().forEach(r -> names.put(r.code(), r.name()));
		return names;
	}

	/** A village's line in the ranking. */
	record VillageScore(RegionView village, RiskScores.Score score, long findings, BigDecimal amount) {
	}

	@GetMapping("/staff/ecology/{code}")
	String ecology(@PathVariable String code, Model model, Locale locale) {
		Scope scope = scopes.current();
		// the role first: a role that never sees supervision records learns nothing of
		// the region
		scope.require(org.qinglian.platform.Role.Permission.READ_SUPERVISION);
		scope.requireCovers(code);
		RegionView region = jurisdiction.region(code).orElseThrow(Scope.NotInScopeException::new);
		Map<String, long[]> open = risk.openBySeverity();
		Map<String, Map<String, RiskLibrary.SchemeFigures>> byScheme = risk.figuresByVillage();
		Map<String, PowerList.ExerciseFigures> exercises = powerList.figures();
		String prefix = Scope.prefixOf(code);
		List<VillageScore> ranking = new ArrayList<>();
		for (RegionView v : jurisdiction.regionsInScope()) {
			if (!v.level().equals("village") || !v.code().startsWith(prefix)) {
				continue;
			}
			long[] o = open.getOrDefault(v.code(), new long[4]);
			PowerList.ExerciseFigures ex = exercises.getOrDefault(v.code(), new PowerList.ExerciseFigures(0, 0));
			var schemes = byScheme.getOrDefault(v.code(), Map.of());
			RiskScores.Score score = RiskScores
				.village(new RiskScores.Inputs(o[0], o[1], o[2], o[3], ex.deviating(), ex.exercises(), 0, 0));
			ranking.add(new VillageScore(v, score,
					schemes.values().stream().mapToLong(RiskLibrary.SchemeFigures::findings).sum(),
					schemes.values()
						.stream()
						.map(RiskLibrary.SchemeFigures::amount)
						.reduce(BigDecimal.ZERO, BigDecimal::add)));
		}
		ranking.sort((a, b) -> Integer.compare(b.score().value(), a.score().value()));
		model.addAttribute("region", region);
		model.addAttribute("ranking", ranking);
		model.addAttribute("trendChart", chartJson(trendChart(risk.trend(code), locale)));
		model.addAttribute("rankingChart", chartJson(rankingChart(ranking, locale)));
		if (region.level().equals("village")) {
			model.addAttribute("findings", risk.findings(code, "all", 200));
		}
		return "staff/ecology";
	}

	private Map<String, Object> trendChart(List<RiskLibrary.TrendPoint> points, Locale locale) {
		TreeSet<String> years = new TreeSet<>();
		TreeSet<String> schemes = new TreeSet<>();
		points.forEach(p -> {
			years.add(p.year());
			schemes.add(p.scheme());
		});
		List<Object> series = new ArrayList<>();
		for (String scheme : schemes) {
			List<Long> data = new ArrayList<>();
			for (String year : years) {
				data.add(points.stream()
					.filter(p -> p.year().equals(year) && p.scheme().equals(scheme))
					.mapToLong(RiskLibrary.TrendPoint::findings)
					.sum());
			}
			series.add(Map.of("name", messages.getMessage("scheme." + scheme, null, scheme, locale), "type", "bar",
					"stack", "findings", "data", data));
		}
		// the money at stake each year, on its own axis
		List<BigDecimal> amounts = new ArrayList<>();
		for (String year : years) {
			amounts.add(points.stream()
				.filter(p -> p.year().equals(year))
				.map(RiskLibrary.TrendPoint::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		series.add(Map.of("name", messages.getMessage("ecology.amount", null, locale), "type", "line", "yAxisIndex", 1,
				"data", amounts));
		return Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("type", "scroll", "bottom", 0), "grid",
				Map.of("left", 40, "right", 70, "top", 10, "bottom", 60), "xAxis",
				Map.of("type", "category", "data", List.copyOf(years)), "yAxis",
				List.of(Map.of("type", "value", "name", messages.getMessage("ecology.findings", null, locale)),
						Map.of("type", "value", "name", messages.getMessage("ecology.amount", null, locale))),
				"series", series);
	}

	private Map<String, Object> rankingChart(List<VillageScore> ranking, Locale locale) {
		List<VillageScore> top = ranking.subList(0, Math.min(20, ranking.size()));
		return Map.of("tooltip", Map.of("trigger", "axis"), "grid",
				Map.of("left", 90, "right", 20, "top", 10, "bottom", 20), "xAxis", Map.of("type", "value", "max", 100),
				"yAxis",
				Map.of("type", "category", "inverse", true, "data", top.stream().map(v -> v.village().name()).toList()),
				"series", List.of(Map.of("name", messages.getMessage("ecology.score", null, locale), "type", "bar",
						"data", top.stream().map(v -> v.score().value()).toList())));
	}

	private String chartJson(Map<String, Object> options) {
		return json.writeValueAsString(options).replace("</", "<\\/");
	}

	@GetMapping("/admin/rules")
	String rules(Model model) {
		model.addAttribute("rules", risk.rules());
		return "admin/rules";
	}

	@PostMapping("/admin/rules/{code}/{key}")
	String changeSetting(@PathVariable String code, @PathVariable String key, @RequestParam String value,
			RedirectAttributes redirect) {
		try {
			risk.changeSetting(code, key, new BigDecimal(value.trim()));
			redirect.addFlashAttribute("saved", code + "." + key);
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("problem", code + "." + key + ": '" + value + "' is not a number");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/rules";
	}

}
