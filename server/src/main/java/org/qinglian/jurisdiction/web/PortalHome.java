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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal's home: the county's townships and their villages, searchable by name
 * in characters or pinyin. No sign-in, read-only, light enough for a phone on a slow
 * connection.
 */
@Controller
class PortalHome {

	/** The longest query looked at. */
	static final int QUERY_LENGTH = 40;

	private final Jurisdiction jurisdiction;

	private final RegionSearch search = new RegionSearch();

	PortalHome(Jurisdiction jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.strip();
		if (query.length() > QUERY_LENGTH) {
			query = query.substring(0, QUERY_LENGTH);
		}
		List<RegionView> regions = jurisdiction.regions();
		Map<String, List<RegionView>> villages = new LinkedHashMap<>();
		for (RegionView t : regions) {
			if (t.level() != RegionLevel.TOWNSHIP) {
				continue;
			}
			boolean township = search.matches(t.name(), query);
			String match = query;
			List<RegionView> found = regions.stream()
				.filter(v -> t.code().equals(v.parentCode()) && (township || search.matches(v.name(), match)))
				.toList();
			if (!found.isEmpty()) {
				villages.put(t.code(), found);
			}
		}
		model.addAttribute("townships", regions.stream().filter(r -> villages.containsKey(r.code())).toList());
		model.addAttribute("villages", villages);
		model.addAttribute("q", query);
		return "jurisdiction/index";
	}

}
