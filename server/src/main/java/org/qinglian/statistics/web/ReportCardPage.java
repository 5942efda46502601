package org.qinglian.statistics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qinglian.platform.Registry;
import org.qinglian.statistics.ReportCard;
import org.qinglian.statistics.ReportCard.Metric;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The year's report card (成绩单) of the county or a township: a table with the change
 * against the year before, a chart, the townships side by side for the county, and the
 * same as an Excel workbook.
 */
@Controller
class ReportCardPage {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ReportCard card;

	private final Registry registry;

	private final EcologyCharts charts;

	private final MessageSource messages;

	private final Clock clock;

	ReportCardPage(ReportCard card, Registry registry, EcologyCharts charts, MessageSource messages, Clock clock) {
		this.card = card;
		this.registry = registry;
		this.charts = charts;
		this.messages = messages;
		this.clock = clock;
	}

	/** A township's figures beside the county's. */
	record TownshipCard(String code, String name, List<Metric> metrics) {
	}

	@GetMapping("/staff/report-card")
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
			Model model, Locale locale) {
		int y = year == null ? card.latestYear(LocalDate.now(clock).getYear()) : year;
		List<Metric> metrics = card.forUser(y, region);
		String code = metrics.get(0).regionCode();
		model.addAttribute("year", y);
		model.addAttribute("region", code);
		model.addAttribute("regionName", registry.regionName(code).orElse(code));
		model.addAttribute("metrics", metrics);
		model.addAttribute("chart", charts.reportCard(metrics, locale));
		model.addAttribute("townships",
				card.townshipsUnder(code)
					.stream()
					.map(t -> new TownshipCard(t, registry.regionName(t).orElse(t), card.forUser(y, t)))
					.toList());
		return "statistics/report-card";
	}

	@GetMapping("/staff/report-card.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String region, Locale locale) throws IOException {
		int y = year == null ? card.latestYear(LocalDate.now(clock).getYear()) : year;
		List<Metric> metrics = card.forUser(y, region);
		String code = metrics.get(0).regionCode();
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(message("reportCard.title", locale));
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Row title = sheet.createRow(0);
			title.createCell(0)
				.setCellValue(
						registry.regionName(code).orElse(code) + " " + y + " " + message("reportCard.title", locale));
			Row head = sheet.createRow(1);
			String[] columns = { "reportCard.metric", "reportCard.value", "reportCard.previous", "reportCard.change" };
			for (int i = 0; i < columns.length; i++) {
				head.createCell(i).setCellValue(message(columns[i], locale));
			}
			int r = 2;
			for (Metric m : metrics) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(message("reportCard.metric." + m.metric(), locale));
				Cell value = row.createCell(1);
				value.setCellValue(m.value().doubleValue());
				Cell previous = row.createCell(2);
				previous.setCellValue(m.previous().doubleValue());
				if (m.metric().equals("recovered_funds")) {
					value.setCellStyle(money);
					previous.setCellStyle(money);
				}
				if (m.changePct() != null) {
					row.createCell(3).setCellValue(m.changePct().doubleValue());
				}
			}
			for (int i = 0; i < columns.length; i++) {
				sheet.autoSizeColumn(i);
			}
			book.write(out);
			return ResponseEntity.ok()
				.contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("report-card-" + code + "-" + y + ".xlsx")
							.build()
							.toString())
				.body(out.toByteArray());
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
