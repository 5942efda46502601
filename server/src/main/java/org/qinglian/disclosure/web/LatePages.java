package org.qinglian.disclosure.web;

import java.time.Clock;
import java.time.LocalDate;

import org.qinglian.assets.VillageBooks;
import org.qinglian.disclosure.VillageDesk;
import org.qinglian.platform.Scopes;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the villages of the user's jurisdiction disclose late (公开不及时), village by village,
 * and which villages a custodian agency keeps and which are cashless: for the township
 * and county offices.
 */
@Controller
class LatePages {

	private final VillageDesk desk;

	private final VillageBooks books;

	private final Scopes scopes;

	private final Clock clock;

	LatePages(VillageDesk desk, VillageBooks books, Scopes scopes, Clock clock) {
		this.desk = desk;
		this.books = books;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/staff/disclosure")
	String late(@RequestParam(required = false) String region, Model model) {
		String under = region == null || region.isBlank() ? scopes.current().regionCode() : region;
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("late", desk.late(under, today));
		model.addAttribute("keeping", books.keeping());
		model.addAttribute("today", today);
		return "disclosure/late";
	}

}
