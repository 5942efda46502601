package org.qinglian.disclosure.web;

import java.util.Locale;

import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.Sheet;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The notice board (线下公开): a village's month as a printable sheet, published together
 * with the online pages, and the page its QR code opens, which says whether what was
 * printed is what is published.
 */
@Controller
class SheetPages {

	private final Publications publications;

	private final PublicVillages villages;

	private final SheetPdf pdf;

	private final MessageSource messages;

	private final String publicUrl;

	SheetPages(Publications publications, PublicVillages villages, SheetPdf pdf, MessageSource messages,
			@Value("${qinglian.disclosure.public-url:}") String publicUrl) {
		this.publications = publications;
		this.villages = villages;
		this.pdf = pdf;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/public/villages/{code}/sheets/{month}")
	ResponseEntity<byte[]> sheet(@PathVariable String code, @PathVariable String month, Model model, Locale locale) {
		RegionView village = villages.village(code, model);
		PublicVillages.month(month);
		Sheet sheet = publications.sheet(village.code(), month);
		if (sheet.records().isEmpty()) {
			throw new Scope.NotInScopeException();
		}
		UriComponentsBuilder base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: UriComponentsBuilder.fromUriString(publicUrl);
		String verify = base.path("/public/villages/{code}/sheets/{month}/verify")
			.queryParam("s", sheet.actSeq())
			.queryParam("h", sheet.hash())
			.buildAndExpand(village.code(), month)
			.toUriString();
		String title = messages.getMessage("sheet.title",
				new Object[] { model.getAttribute("township"), village.name(), month }, locale);
		byte[] body = pdf.render(sheet, title, verify, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noCache())
			.header("Content-Disposition", "inline; filename=\"" + village.code() + "-" + month + ".pdf\"")
			.body(body);
	}

	@GetMapping("/public/villages/{code}/sheets/{month}/verify")
	String verify(@PathVariable String code, @PathVariable String month, @RequestParam(defaultValue = "-1") long s,
			@RequestParam(defaultValue = "") String h, Model model) {
		RegionView village = villages.village(code, model);
		PublicVillages.month(month);
		model.addAttribute("month", month);
		model.addAttribute("printedHash", h.length() > 64 ? h.substring(0, 64) : h);
		model.addAttribute("printedAct", s);
		model.addAttribute("check", publications.check(village.code(), month, s, h));
		return "disclosure/verify";
	}

}
