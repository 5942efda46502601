package org.qinglian.jurisdiction.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.PositionView;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.web.ApiReads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The regions of the user's jurisdiction and the positions held in them, over REST. */
@RestController
@Tag(name = "regions", description = "The regions of the account's jurisdiction and the positions held in them.")
@RequestMapping("/api/v1")
class JurisdictionApi {

	private final Jurisdiction jurisdiction;

	private final ApiReads reads;

	private final Clock clock;

	JurisdictionApi(Jurisdiction jurisdiction, ApiReads reads, Clock clock) {
		this.jurisdiction = jurisdiction;
		this.reads = reads;
		this.clock = clock;
	}

	@Operation(summary = "The regions of the account's jurisdiction")
	@GetMapping("/regions")
	List<RegionView> regions() {
		return jurisdiction.regionsInScope();
	}

	@Operation(summary = "The positions held in a region's subtree on a day (today by default)")
	@GetMapping("/regions/{code}/positions")
	List<PositionView> positions(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
		return reads.audited("positions", code, jurisdiction.positions(code, on == null ? LocalDate.now(clock) : on));
	}

}
