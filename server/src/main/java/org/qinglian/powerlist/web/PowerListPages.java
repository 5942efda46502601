package org.qinglian.powerlist.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Scope;
import org.qinglian.powerlist.Flowcharts;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.EventView;
import org.qinglian.powerlist.PowerList.ExerciseDetail;
import org.qinglian.powerlist.PowerList.PowerItemView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A village's power list for everyone (its items, flowcharts and red lines), and one use
 * of power for staff, drawn over its flow.
 */
@Controller
class PowerListPages {

	private final PowerList powerList;

	private final Jurisdiction jurisdiction;

	private final AuditLog audit;

	PowerListPages(PowerList powerList, Jurisdiction jurisdiction, AuditLog audit) {
		this.powerList = powerList;
		this.jurisdiction = jurisdiction;
		this.audit = audit;
	}

	@GetMapping("/public/villages/{code}/power-list")
	String village(@PathVariable String code, Model model) {
		RegionView village = jurisdiction.region(code)
			.filter(RegionView::isVillage)
			.orElseThrow(Scope.NotInScopeException::new);
		List<PowerItemView> items = powerList.catalogue();
		Map<String, String> charts = new LinkedHashMap<>();
		items.forEach(i -> charts.put(i.code(), Flowcharts.draw(i.steps(), null)));
		model.addAttribute("village", village);
		model.addAttribute("items", items);
		model.addAttribute("flowcharts", charts);
		model.addAttribute("redLines", powerList.redLines());
		return "powerlist/village";
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
		Set<String> done = detail.events().stream().map(EventView::stepCode).collect(Collectors.toSet());
		// the page names the cadres who took each step: a read of personal data
		audit.record("view_exercise", "power_exercise", id, detail.exercise().regionCode(), null);
		model.addAttribute("detail", detail);
		model.addAttribute("flowchart", item == null ? null : Flowcharts.draw(item.steps(), done));
		model.addAttribute("names",
				jurisdiction.names(detail.events().stream().map(EventView::actorId).filter(a -> a != null).toList()));
		return "powerlist/exercise";
	}

}
