package org.qinglian.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.qinglian.intake.PublicReports;
import org.qinglian.intake.PublicReports.Submission;
import org.qinglian.platform.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public reports API, for WeChat and DingTalk front ends: submit a report, follow it
 * by its receipt code. No sign-in; rate limited per address; no address is kept.
 */
@RestController
@Tag(name = "Public reports", description = "Reports from villagers (信访举报), without an account")
class PublicReportsApi {

	private final PublicReports reports;

	PublicReportsApi(PublicReports reports) {
		this.reports = reports;
	}

	@PostMapping("/api/v1/public/reports")
	@SecurityRequirements
	@Operation(summary = "Submit a report, named or anonymous",
			description = "Answers 201 with the receipt code, which is shown to the reporter once and is the only way "
					+ "to follow the report; 429 when the address sent too many reports this minute.")
	ResponseEntity<Receipt> submit(@RequestBody NewReport report, HttpServletRequest request) {
		if (report.anonymous() == null) {
			throw new Refused("intake.refused.anonymousMissing", "anonymous must be true or false");
		}
		String code = reports.submit(new Submission(report.channel(), report.regionCode(), report.kind(), report.text(),
				report.subjectName(), report.subjectId(), report.anonymous(), report.name(), report.contact(),
				List.of()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Receipt(code));
	}

	@GetMapping("/api/v1/public/reports/{receipt}")
	@SecurityRequirements
	@Operation(summary = "Follow a report by its receipt code",
			description = "The status, the answer and the messages; the code may be written with spaces. "
					+ "404 when no report has the code.")
	Followed follow(@PathVariable String receipt, HttpServletRequest request) {
		PublicReports.Followed f = reports.follow(receipt).orElseThrow(NoSuchReceipt::new);
		return new Followed(f.status(), f.receivedOn(), f.kind(), f.regionName(), f.answer(), f.answeredOn(),
				f.satisfied(), f.reviewConclusion(),
				f.messages()
					.stream()
					.map(m -> new Message(m.at(), m.fromReporter() ? "reporter" : "office", m.text()))
					.toList());
	}

	/** A report as a front end sends it. */
	record NewReport(@Schema(description = "web (default), wechat or dingtalk") String channel,
			@JsonProperty("region_code") @Schema(description = "the village (or township) where it happened",
					example = "330683101001", requiredMode = Schema.RequiredMode.REQUIRED) String regionCode,
			@Schema(description = "accusation, suggestion, appeal or other",
					requiredMode = Schema.RequiredMode.REQUIRED) String kind,
			@Schema(description = "what happened, at most 5000 characters",
					requiredMode = Schema.RequiredMode.REQUIRED) String text,
			@JsonProperty("subject_name") @Schema(description = "whom it is about, if known") String subjectName,
			@JsonProperty("subject_id") @Schema(
					description = "the registry id of whom it is about, if known") String subjectId,
			@Schema(description = "true: no name or contact is sent",
					requiredMode = Schema.RequiredMode.REQUIRED) Boolean anonymous,
			@Schema(description = "a named reporter's name") String name,
			@Schema(description = "a named reporter's phone or address") String contact) {
	}

	/** The receipt code: 20 digits, shown once. */
	record Receipt(@Schema(description = "20 digits; accepted with or without spaces") String receipt) {
	}

	record Followed(String status, @JsonProperty("received_on") LocalDate receivedOn, String kind,
			@JsonProperty("region_name") String regionName, String answer,
			@JsonProperty("answered_on") LocalDate answeredOn, Boolean satisfied,
			@JsonProperty("review_conclusion") String reviewConclusion, List<Message> messages) {
	}

	record Message(Instant at, @Schema(description = "reporter or office") String from, String text) {
	}

	/** No report has the code: answered like any record that does not exist. */
	static class NoSuchReceipt extends org.qinglian.platform.Scope.NotInScopeException {

	}

}
