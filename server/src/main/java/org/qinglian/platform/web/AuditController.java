package org.qinglian.platform.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scopes;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's page: the audit log filtered by actor, action, target and date, with the
 * verdict of {@code audit verify}.
 */
@Controller
class AuditController {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AuditLog audit;

	private final Scopes scopes;

	AuditController(AuditLog audit, Scopes scopes) {
		this.audit = audit;
		this.scopes = scopes;
	}

	@GetMapping("/audit")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String target,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		scopes.current().require(Role.Permission.READ_AUDIT);
		var filter = new AuditLog.Filter(blankToNull(actor), blankToNull(action), blankToNull(target),
				from == null ? null : from.atStartOfDay(ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(), 500);
		model.addAttribute("entries", audit.search(filter));
		model.addAttribute("verification", audit.verify());
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "platform/audit";
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
