package org.qinglian.jurisdiction.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.PositionView;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.web.ApiReads;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The regions of the user's jurisdiction and the positions held in them, over REST. */
@RestController
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

	@GetMapping("/regions")
	List<RegionView> regions() {
		return jurisdiction.regionsInScope();
	}

	@GetMapping("/regions/{code}/positions")
	List<PositionView> positions(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
		return reads.audited("positions", code, jurisdiction.positions(code, on == null ? LocalDate.now(clock) : on));
	}

}
