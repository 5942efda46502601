package org.qinglian.jurisdiction.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.jurisdiction.RegionLevel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public portal's home: the county's townships and their villages. No sign-in,
 * read-only, light enough for a phone on a slow connection.
 */
@Controller
class PortalHome {

	private final Jurisdiction jurisdiction;

	PortalHome(Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	@GetMapping("/")
	String home(Model model) {
		List<RegionView> regions = jurisdiction.regions();
		List<RegionView> townships = regions.stream().filter(r -> r.level() == RegionLevel.TOWNSHIP).toList();
		Map<String, List<RegionView>> villages = new LinkedHashMap<>();
		for (RegionView t : townships) {
			villages.put(t.code(), regions.stream().filter(r -> t.code().equals(r.parentCode())).toList());
		}
		model.addAttribute("townships", townships);
		model.addAttribute("villages", villages);
		return "jurisdiction/index";
	}

}
