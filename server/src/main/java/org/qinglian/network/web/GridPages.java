package org.qinglian.network.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qinglian.network.Grid;
import org.qinglian.network.Stations;
import org.qinglian.platform.Flash;
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

/**
 * The grid: a member's page on their phone (their village's uses of power to verify on
 * site, their tasks on the supervision list, what they recorded), and the coverage of the
 * grid for the offices.
 */
@Controller
class GridPages {

	private final Grid grid;

	private final Stations stations;

	private final Scopes scopes;

	private final Clock clock;

	GridPages(Grid grid, Stations stations, Scopes scopes, Clock clock) {
		this.grid = grid;
		this.stations = stations;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/grid")
	String home(@RequestParam(required = false) String exercise, Model model) {
		Grid.MemberHome home = grid.home();
		model.addAttribute("home", home);
		model.addAttribute("chosen",
				home.uses().stream().filter(u -> u.exerciseId().equals(exercise)).findFirst().orElse(null));
		model.addAttribute("clientKey", UUID.randomUUID().toString());
		model.addAttribute("tipKey", UUID.randomUUID().toString());
		model.addAttribute("today", LocalDate.now(clock));
		return "network/member";
	}

	@PostMapping("/grid/verifications")
	String verify(@RequestParam(required = false) String clientKey, @RequestParam(required = false) String exerciseId,
			@RequestParam(required = false) String stepCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedOn,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		boolean done = Flash.attempt(redirect, "network.verified",
				() -> grid.verify(new Grid.Verification(clientKey, exerciseId, stepCode, verifiedOn, outcome, note)));
		if (done && "discrepancy".equals(outcome)) {
			redirect.addFlashAttribute("tipAbout", note);
		}
		return done ? Redirect.to("/grid") : Redirect.to("/grid?exercise={id}", exerciseId == null ? "" : exerciseId);
	}

	@GetMapping("/staff/grid")
	String coverage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			Model model) {
		Scope scope = scopes.current();
		Grid.Coverage coverage = grid.coverage(on);
		Map<String, String> townships = new LinkedHashMap<>();
		coverage.cells().forEach(c -> townships.put(c.townshipCode(), c.townshipName()));
		model.addAttribute("coverage", coverage);
		model.addAttribute("townships", townships);
		model.addAttribute("stations", stations.stations());
		model.addAttribute("scopeCode", scope.regionCode());
		return "network/grid";
	}

	@PostMapping("/staff/grid/stations")
	String openStation(@RequestParam(required = false) String townshipCode, @RequestParam(required = false) String name,
			@RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			@RequestParam(required = false) List<String> villages, RedirectAttributes redirect) {
		Flash.attempt(redirect, "network.stationOpened", () -> stations.open(
				new Stations.NewStation(townshipCode, name, place, openedOn, villages == null ? List.of() : villages)));
		return Redirect.to("/staff/grid");
	}

}
