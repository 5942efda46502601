package org.qinglian.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.PowerItemView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public portal: no sign-in, read-only, light enough for a phone on a slow
 * connection.
 */
@Controller
class PublicController {

	private final Jurisdiction jurisdiction;

	private final PowerList powerList;

	PublicController(Jurisdiction jurisdiction, PowerList powerList) {
		this.jurisdiction = jurisdiction;
		this.powerList = powerList;
	}

	@GetMapping("/")
	String home(Model model) {
		List<RegionView> regions = jurisdiction.regions();
		Map<String, List<RegionView>> villages = new LinkedHashMap<>();
		List<RegionView> townships = regions.stream().filter(r -> r.level().equals("township")).toList();
		for (RegionView t : townships) {
			villages.put(t.code(), regions.stream().filter(r -> t.code().equals(r.parentCode())).toList());
		}
		model.addAttribute("townships", townships);
		model.addAttribute("villages", villages);
		return "index";
	}

	@GetMapping("/public/villages/{code}")
	String village(@PathVariable String code, Model model) {
		RegionView village = jurisdiction.region(code)
			.filter(r -> r.level().equals("village"))
			.orElseThrow(Scope.NotInScopeException::new);
		List<PowerItemView> items = powerList.catalogue();
		Map<String, String> charts = new LinkedHashMap<>();
		items.forEach(i -> charts.put(i.code(), FlowchartSvg.draw(i.steps(), null)));
		model.addAttribute("village", village);
		model.addAttribute("items", items);
		model.addAttribute("flowcharts", charts);
		model.addAttribute("redLines", powerList.redLines());
		return "public/village";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
