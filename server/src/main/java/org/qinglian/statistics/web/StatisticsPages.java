package org.qinglian.statistics.web;

import java.util.Locale;

import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import java.util.List;

import org.qinglian.casework.CaseFiles;
import org.qinglian.intake.ReportDesk;
import org.qinglian.platform.Scopes;
import org.qinglian.statistics.CadreProfiles;
import org.qinglian.statistics.CadreProfiles.CadreProfile;
import org.qinglian.statistics.CountyOverview;
import org.qinglian.statistics.CountyOverview.Tree;
import org.qinglian.statistics.CountyOverview.VillagePage;
import org.qinglian.statistics.VillageEcology;
import org.qinglian.statistics.VillageEcology.Ecology;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The staff's pages that gather several modules: the county tree with its figures, a
 * village, a cadre's profile (画像) and the political ecology (政治生态研判) with charts. The
 * services decide what is counted and shown; these only render.
 */
@Controller
class StatisticsPages {

	private final Scopes scopes;

	private final CountyOverview overview;

	private final CadreProfiles profiles;

	private final VillageEcology ecology;

	private final EcologyCharts charts;

	private final ReportDesk reports;

	private final CaseFiles casework;

	StatisticsPages(Scopes scopes, CountyOverview overview, CadreProfiles profiles, VillageEcology ecology,
			EcologyCharts charts, ReportDesk reports, CaseFiles casework) {
		this.reports = reports;
		this.casework = casework;
		this.scopes = scopes;
		this.overview = overview;
		this.profiles = profiles;
		this.ecology = ecology;
		this.charts = charts;
	}

	@GetMapping("/staff")
	String home(Model model) {
		if (!scopes.current().can(Permission.READ_VILLAGE_DATA)) {
			// an auditor's work is the audit log
			return "redirect:/audit";
		}
		Tree tree = overview.tree();
		model.addAttribute("scope", tree.scope());
		model.addAttribute("scopeName", tree.scopeName());
		model.addAttribute("rows", tree.rows());
		if (scopes.current().can(Permission.READ_SUPERVISION)) {
			// the reminders: what is overdue or due within a week, on the first page
			List<ReportDesk.OfficeLoad> load = reports.load();
			model.addAttribute("reportsOverdue", load.stream().mapToLong(ReportDesk.OfficeLoad::overdue).sum());
			model.addAttribute("reportsDue", load.stream().mapToLong(ReportDesk.OfficeLoad::due).sum());
			model.addAttribute("followupsOverdue",
					casework.openFollowups().stream().filter(CaseFiles.Followup::overdue).count());
		}
		return "statistics/home";
	}

	@GetMapping("/staff/villages/{code}")
	String village(@PathVariable String code, Model model) {
		VillagePage page = overview.village(code);
		model.addAttribute("village", page.village());
		model.addAttribute("limit", CountyOverview.VILLAGE_LIMIT);
		model.addAttribute("positions", page.positions());
		model.addAttribute("exercises", page.exercises());
		model.addAttribute("vouchers", page.vouchers());
		model.addAttribute("contracts", page.contracts());
		model.addAttribute("projects", page.projects());
		model.addAttribute("subsidies", page.subsidies());
		model.addAttribute("names", page.names());
		return "statistics/village";
	}

	@GetMapping("/staff/people/{personId}")
	String person(@PathVariable String personId, Model model) {
		CadreProfile profile = profiles.of(personId).orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("file", profile.file());
		model.addAttribute("score", profile.score());
		model.addAttribute("findings", profile.findings());
		model.addAttribute("exercises", profile.exercises());
		model.addAttribute("vouchers", profile.vouchers());
		model.addAttribute("reports", profile.reports());
		model.addAttribute("cases", profile.cases());
		model.addAttribute("regionNames", profile.regionNames());
		return "statistics/person";
	}

	@GetMapping("/staff/ecology/{code}")
	String ecology(@PathVariable String code, Model model, Locale locale) {
		Ecology e = ecology.of(code);
		model.addAttribute("region", e.region());
		model.addAttribute("ranking", e.ranking());
		model.addAttribute("trendChart", charts.trend(e.trend(), locale));
		model.addAttribute("rankingChart", charts.ranking(e.ranking(), locale));
		model.addAttribute("rankingHeight", EcologyCharts.rankingHeight(e.ranking()));
		if (e.region().isVillage()) {
			model.addAttribute("findings", e.findings());
		}
		return "statistics/ecology";
	}

}
