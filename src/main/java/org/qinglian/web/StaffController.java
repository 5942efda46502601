package org.qinglian.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.assets.VillageAccounts.VillageFigures;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseDetail;
import org.qinglian.powerlist.PowerList.ExerciseFigures;
import org.qinglian.powerlist.PowerList.PowerItemView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Pages for signed-in staff: the county tree with figures, a village, a use of power. */
@Controller
class StaffController {

	static final int LIMIT = 50;

	private final Scopes scopes;

	private final Jurisdiction jurisdiction;

	private final PowerList powerList;

	private final VillageAccounts accounts;

	private final Clock clock;

	private final org.qinglian.platform.AuditLog audit;

	private final org.qinglian.risk.RiskLibrary risk;

	StaffController(Scopes scopes, Jurisdiction jurisdiction, PowerList powerList, VillageAccounts accounts,
			Clock clock, org.qinglian.platform.AuditLog audit, org.qinglian.risk.RiskLibrary risk) {
		this.audit = audit;
		this.risk = risk;
		this.scopes = scopes;
		this.jurisdiction = jurisdiction;
		this.powerList = powerList;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A line of the tree: a region and the sums of the villages below it. */
	record TreeRow(String code, String name, String level, int depth, long exercises, long deviating, long vouchers,
			BigDecimal expense, long contracts, long projects, long subsidies, long openFindings) {
	}

	@GetMapping("/staff")
	String home(Model model) {
		Scope scope = scopes.current();
		if (!scope.can(org.qinglian.platform.Role.Permission.READ_VILLAGE_DATA)) {
			// an auditor's work is the audit log
			return "redirect:/audit";
		}
		List<RegionView> regions = jurisdiction.regionsInScope();
		Map<String, ExerciseFigures> ex = powerList.figures();
		Map<String, VillageFigures> acc = accounts.figures();
		// open findings per village, for supervision staff only: other roles never learn
		// of them
		Map<String, long[]> openFindings = scope.can(org.qinglian.platform.Role.Permission.READ_SUPERVISION)
				? risk.openBySeverity() : Map.of();
		List<TreeRow> rows = new ArrayList<>();
		for (RegionView r : regions) {
			String prefix = Scope.prefixOf(r.code());
			long exercises = 0, deviating = 0, vouchers = 0, contracts = 0, projects = 0, subsidies = 0;
			BigDecimal expense = BigDecimal.ZERO;
			for (var e : ex.entrySet()) {
				if (e.getKey().startsWith(prefix)) {
					exercises += e.getValue().exercises();
					deviating += e.getValue().deviating();
				}
			}
			for (var e : acc.entrySet()) {
				if (e.getKey().startsWith(prefix)) {
					VillageFigures f = e.getValue();
					vouchers += f.vouchers();
					expense = expense.add(f.expense());
					contracts += f.contracts();
					projects += f.projects();
					subsidies += f.subsidies();
				}
			}
			int depth = switch (r.level()) {
				case "county" -> 0;
				case "township" -> 1;
				default -> 2;
			};
			long open = 0;
			for (var e : openFindings.entrySet()) {
				if (e.getKey().startsWith(prefix)) {
					open += e.getValue()[0] + e.getValue()[1] + e.getValue()[2];
				}
			}
			rows.add(new TreeRow(r.code(), r.name(), r.level(), depth, exercises, deviating, vouchers, expense,
					contracts, projects, subsidies, open));
		}
		model.addAttribute("scope", scope);
		model.addAttribute("scopeName", jurisdiction.region(scope.regionCode()).map(RegionView::name).orElse(""));
		model.addAttribute("rows", rows);
		return "staff/home";
	}

	@GetMapping("/staff/villages/{code}")
	String village(@PathVariable String code, Model model) {
		Scope scope = scopes.current();
		scope.requireCovers(code);
		RegionView village = jurisdiction.region(code)
			.filter(r -> r.level().equals("village"))
			.orElseThrow(Scope.NotInScopeException::new);
		var contracts = accounts.contracts(code, LIMIT);
		var subsidies = accounts.subsidies(code, LIMIT);
		Set<String> people = new HashSet<>();
		contracts.forEach(c -> people.add(c.counterpartyId()));
		subsidies.forEach(s -> people.add(s.recipientId()));
		people.remove(null);
		model.addAttribute("village", village);
		model.addAttribute("limit", LIMIT);
		model.addAttribute("positions", jurisdiction.positions(code, LocalDate.now(clock)));
		model.addAttribute("exercises", powerList.exercises(code, LIMIT));
		model.addAttribute("vouchers", accounts.vouchers(code, LIMIT));
		model.addAttribute("contracts", contracts);
		model.addAttribute("projects", accounts.projects(code, LIMIT));
		model.addAttribute("subsidies", subsidies);
		model.addAttribute("names", jurisdiction.names(people));
		// the page names cadres, recipients and counterparties: a read of personal data
		audit.record("view_village", "region", code, code, null);
		return "staff/village";
	}

	@GetMapping("/staff/exercises/{id}")
	String exercise(@PathVariable String id, Model model) {
		ExerciseDetail detail = powerList.exercise(id).orElseThrow(Scope.NotInScopeException::new);
		// an item removed from the catalogue since: the use of power is shown, without
		// its flow
		PowerItemView item = powerList.catalogue()
			.stream()
			.filter(i -> i.code().equals(detail.exercise().itemCode()))
			.findFirst()
			.orElse(null);
		Set<String> done = detail.events().stream().map(e -> e.stepCode()).collect(Collectors.toSet());
		model.addAttribute("detail", detail);
		model.addAttribute("flowchart", item == null ? null : FlowchartSvg.draw(item.steps(), done));
		model.addAttribute("names",
				jurisdiction.names(detail.events().stream().map(e -> e.actorId()).filter(a -> a != null).toList()));
		return "staff/exercise";
	}

}
