package org.qinglian.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.qinglian.intake.PublicReports;
import org.qinglian.intake.PublicReports.Submission;
import org.qinglian.intake.PublicReports.Upload;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The villager's pages (no sign-in, a phone on a slow connection: plain forms, no
 * script): report a problem, named or anonymous, and follow it with the receipt code. The
 * code travels in form posts only, never in an address, so that it stays out of histories
 * and logs.
 */
@Controller
class PublicReportPages {

	private final PublicReports reports;

	private final Registry registry;

	PublicReportPages(PublicReports reports, Registry registry) {
		this.reports = reports;
		this.registry = registry;
	}

	/** The form a villager fills in. */
	record ReportForm(String regionCode, String kind, String text, String subjectName, Boolean anonymous, String name,
			String contact) {

		/** Anonymous unless the reporter chose to be named. */
		public boolean isAnonymous() {
			return !Boolean.FALSE.equals(anonymous);
		}

		static ReportForm empty(String regionCode) {
			return new ReportForm(regionCode, "accusation", "", "", true, "", "");
		}

	}

	@GetMapping("/public/report")
	String form(@RequestParam(required = false) String village, Model model) {
		model.addAttribute("form", ReportForm.empty(village));
		return form(model);
	}

	private String form(Model model) {
		model.addAttribute("villages", registry.regionsUnder(""));
		return "intake/report";
	}

	@PostMapping("/public/report")
	String submit(ReportForm form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			String code = reports.submit(new Submission("web", form.regionCode(), form.kind(), form.text(),
					form.subjectName(), null, form.isAnonymous(), form.isAnonymous() ? null : form.name(),
					form.isAnonymous() ? null : form.contact(), uploads(files)));
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("receipt", grouped(code));
			return "intake/receipt";
		}
		catch (Refused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("form", form);
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.args().toArray());
			return form(model);
		}
	}

	@GetMapping("/public/follow")
	String followForm() {
		return "intake/follow";
	}

	@PostMapping("/public/follow")
	String follow(@RequestParam String receipt, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		return reports.follow(receipt).map(f -> {
			model.addAttribute("followed", f);
			model.addAttribute("receipt", receipt);
			return "intake/followed";
		}).orElseGet(() -> {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problemKey", "intake.refused.receipt");
			return "intake/follow";
		});
	}

	@PostMapping("/public/follow/message")
	String message(@RequestParam String receipt, @RequestParam(required = false) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			reports.message(receipt, text, uploads(files));
			model.addAttribute("noticeKey", "intake.messageSent");
		}
		catch (Refused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.args().toArray());
		}
		return follow(receipt, model, request, response);
	}

	@PostMapping("/public/follow/rating")
	String rate(@RequestParam String receipt, @RequestParam boolean satisfied, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			reports.rate(receipt, satisfied);
			model.addAttribute("noticeKey", satisfied ? "intake.ratedSatisfied" : "intake.ratedUnsatisfied");
		}
		catch (Refused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.args().toArray());
		}
		return follow(receipt, model, request, response);
	}

	static List<Upload> uploads(List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (f != null && !f.isEmpty()) {
					try {
						uploads.add(new Upload(f.getOriginalFilename(), f.getBytes()));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		return uploads;
	}

	static String grouped(String code) {
		return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
	}

}
