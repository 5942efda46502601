package org.qinglian.assets.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.qinglian.assets.ReceivedRegistries;
import org.qinglian.assets.ReceivedRegistries.Untied;
import org.qinglian.web.ApiReads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The registry rows from other departments that tie to nobody (QDX 1.1), by registry and
 * reason, for the staff who check them by hand: a page and the same over REST.
 */
@Controller
@Tag(name = "registries", description = "Registry rows from other departments that tie to no person of the county.")
class RegistryPages {

	static final int PAGE_LIMIT = 2000;

	private final ReceivedRegistries registries;

	RegistryPages(ReceivedRegistries registries) {
		this.registries = registries;
	}

	@GetMapping("/staff/registries/untied")
	String page(Model model) {
		model.addAttribute("rows", registries.untied(PAGE_LIMIT));
		model.addAttribute("limit", PAGE_LIMIT);
		return "assets/untied";
	}

	@Operation(summary = "Registry rows that tie to nobody, by registry and reason (at most limit, 1 to 1000)")
	@GetMapping("/api/v1/registries/untied")
	@ResponseBody
	List<Untied> api(@RequestParam(defaultValue = "100") int limit) {
		return registries.untied(ApiReads.bounded(limit));
	}

}
