package org.qinglian.network.web;

import java.time.LocalDate;

import org.qinglian.network.Culture;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The integrity-culture programmes (一镇一品) of the user's townships, for the offices. */
@Controller
class CulturePages {

	private final Culture culture;

	private final Scopes scopes;

	private final Registry registry;

	CulturePages(Culture culture, Scopes scopes, Registry registry) {
		this.culture = culture;
		this.scopes = scopes;
		this.registry = registry;
	}

	@GetMapping("/staff/culture")
	String programmes(@RequestParam(required = false) String township, Model model) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.RUN_NETWORK);
		var townships = registry.regionsUnder(scope.prefix())
			.stream()
			.filter(r -> r.code().endsWith("000") && !r.code().endsWith("000000"))
			.toList();
		String chosen = township != null && townships.stream().anyMatch(t -> t.code().equals(township)) ? township
				: townships.isEmpty() ? null : townships.get(0).code();
		model.addAttribute("townships", townships);
		model.addAttribute("township", chosen);
		model.addAttribute("programme", chosen == null ? null : culture.programme(chosen).orElse(null));
		model.addAttribute("activities", chosen == null ? java.util.List.of() : culture.activities(chosen, 100));
		model.addAttribute("kinds", Culture.KINDS);
		return "network/culture";
	}

	@PostMapping("/staff/culture")
	String programme(@RequestParam(required = false) String townshipCode, @RequestParam(required = false) String brand,
			@RequestParam(required = false) String description, @RequestParam(required = false) String places,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, "network.saved", () -> culture.setProgramme(townshipCode, brand, description, places));
		return Redirect.to("/staff/culture?township={t}", townshipCode == null ? "" : townshipCode);
	}

	@PostMapping("/staff/culture/activities")
	String activity(@RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String place, @RequestParam(required = false) Integer participants,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, "network.saved", () -> culture.recordActivity(townshipCode, heldOn, kind, title, place,
				participants == null ? -1 : participants));
		return Redirect.to("/staff/culture?township={t}", townshipCode == null ? "" : townshipCode);
	}

}
