package org.qinglian.network.web;

import java.time.Clock;
import java.time.LocalDate;

import org.qinglian.casework.EducationEvents;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.jurisdiction.RegionLevel;
import org.qinglian.network.Culture;
import org.qinglian.network.SupervisionList;
import org.qinglian.platform.Scope;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the public sees of the network: a township's integrity culture (一镇一品), how many
 * warning-education events it held (counts only) and its projects on the political
 * supervision list, and a project's milestones, tasks and progress. No person is named.
 */
@Controller
class PublicNetworkPages {

	private final Jurisdiction jurisdiction;

	private final Culture culture;

	private final SupervisionList list;

	private final EducationEvents education;

	private final Clock clock;

	PublicNetworkPages(Jurisdiction jurisdiction, Culture culture, SupervisionList list, EducationEvents education,
			Clock clock) {
		this.jurisdiction = jurisdiction;
		this.culture = culture;
		this.list = list;
		this.education = education;
		this.clock = clock;
	}

	@GetMapping("/public/townships/{code}")
	String township(@PathVariable String code, Model model) {
		RegionView township = jurisdiction.region(code)
			.filter(r -> r.level() == RegionLevel.TOWNSHIP)
			.orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("township", township);
		model.addAttribute("programme", culture.programme(code).orElse(null));
		model.addAttribute("activities", culture.activities(code, 30));
		model.addAttribute("projects", list.publishedUnder(code));
		model.addAttribute("education", education.tally(code));
		model.addAttribute("villages",
				jurisdiction.regions().stream().filter(r -> code.equals(r.parentCode())).toList());
		return "network/public-township";
	}

	@GetMapping("/public/supervision-list/{projectId}")
	String project(@PathVariable String projectId, Model model) {
		model.addAttribute("project", list.published(projectId).orElseThrow(Scope.NotInScopeException::new));
		model.addAttribute("today", LocalDate.now(clock));
		return "network/public-project";
	}

}
