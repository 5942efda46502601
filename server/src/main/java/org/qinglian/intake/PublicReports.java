package org.qinglian.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a reporter does without an account: submit a report (named or anonymous) and
 * follow it with the receipt code, exchange messages and files with the office, rate the
 * answer. A reporter sees the status, the answer and the messages, never internal notes
 * or staff names; nothing here keeps the reporter's address.
 */
public interface PublicReports {

	/**
	 * Takes a report from the public form or a front end's API call.
	 * @return the receipt code, shown to the reporter once and never stored
	 * @throws org.qinglian.platform.Refused naming the field that is wrong
	 */
	String submit(Submission submission);

	/** The report the code belongs to, as its reporter may see it. */
	Optional<Followed> follow(String receiptCode);

	/**
	 * Adds a message (and files) from the reporter.
	 * @throws org.qinglian.platform.Refused when the code is not a report's or the text
	 * is empty
	 */
	void message(String receiptCode, String text, List<Upload> files);

	/**
	 * The reporter's rating of the answer; "not satisfied" asks the county for a review
	 * (复查).
	 */
	void rate(String receiptCode, boolean satisfied);

	/**
	 * A report as the public submits it.
	 *
	 * @param channel {@code web}, {@code wechat} or {@code dingtalk}
	 * @param regionCode the village (or township) where the matter happened
	 * @param kind accusation, suggestion, appeal, other
	 * @param text what happened
	 * @param subjectName whom it is about, as the reporter names them, or {@code null}
	 * @param subjectId the registry id of whom it is about, if the front end knows it
	 * @param anonymous whether the reporter stays anonymous
	 * @param name a named reporter's name
	 * @param contact a named reporter's phone or address
	 * @param files photos and PDFs
	 */
	record Submission(String channel, String regionCode, String kind, String text, String subjectName, String subjectId,
			boolean anonymous, String name, String contact, List<Upload> files) {
	}

	/** A file as it was uploaded; its type is read from its content. */
	record Upload(String filename, byte[] content) {
	}

	/**
	 * A report as its reporter follows it.
	 *
	 * @param status received, acknowledged, answered, closed, under_review, reviewed
	 * @param receivedOn when it came in
	 * @param kind its kind
	 * @param regionName where the matter happened
	 * @param answer the office's answer, once given
	 * @param answeredOn when
	 * @param satisfied the reporter's rating, once given
	 * @param reviewConclusion the county's review, once concluded
	 * @param messages the messages, oldest first (never internal notes)
	 */
	record Followed(String status, LocalDate receivedOn, String kind, String regionName, String answer,
			LocalDate answeredOn, Boolean satisfied, String reviewConclusion, List<Message> messages) {

		public boolean mayRate() {
			return "answered".equals(status);
		}

	}

	/**
	 * A message as the reporter sees it: from them or from "the office", never a staff
	 * member's name.
	 */
	record Message(Instant at, boolean fromReporter, String text, List<String> files) {
	}

}
