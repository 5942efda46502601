package org.qinglian.intake.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qinglian.intake.PublicReports;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports from the public. Nothing here writes the reporter's address anywhere: no audit
 * entry is made for a public submission (the report itself is the record), and the rate
 * limit in front of it keeps addresses in memory only, for a minute.
 */
@Service
class JdbcPublicReports implements PublicReports {

	static final Set<String> PUBLIC_CHANNELS = Set.of("web", "wechat", "dingtalk");

	private final JdbcClient jdbc;

	private final ReceiptCodes receipts;

	private final Attachments attachments;

	private final NewReports newReports;

	private final Registry registry;

	private final Clock clock;

	JdbcPublicReports(JdbcClient jdbc, ReceiptCodes receipts, Attachments attachments, NewReports newReports,
			Registry registry, Clock clock) {
		this.jdbc = jdbc;
		this.receipts = receipts;
		this.attachments = attachments;
		this.newReports = newReports;
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	@Transactional
	public String submit(Submission s) {
		String channel = s.channel() == null ? "web" : s.channel();
		if (!PUBLIC_CHANNELS.contains(channel)) {
			throw new Refused("intake.refused.channel", "channel must be one of web, wechat, dingtalk", channel);
		}
		List<Attachments.Checked> files = attachments.check(s.files());
		String code = receipts.newCode();
		String reportId = newReports.insert(new NewReports.Draft(channel, s.regionCode(), s.kind(), s.text(),
				s.subjectName(), s.subjectId(), s.anonymous(), s.name(), s.contact(), null, null), receipts.hash(code));
		attachments.attach(reportId, files, true);
		return code;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Followed> follow(String receiptCode) {
		return find(receiptCode).map(this::followed);
	}

	@Override
	@Transactional
	public void message(String receiptCode, String text, List<Upload> files) {
		String reportId = find(receiptCode).orElseThrow(JdbcPublicReports::unknownCode);
		String body = NewReports.text(text, "text", 2000);
		List<Attachments.Checked> checked = attachments.check(files);
		// a reporter's message keeps its day only, so that its time matches no access log
		jdbc.sql(
				"insert into int_message (report_id, from_reporter, text, at) values (?, true, ?, date_trunc('day', now()))")
			.params(reportId, body)
			.update();
		attachments.attach(reportId, checked, true);
	}

	@Override
	@Transactional
	public void rate(String receiptCode, boolean satisfied) {
		String reportId = find(receiptCode).orElseThrow(JdbcPublicReports::unknownCode);
		Ratings.rate(jdbc, reportId, satisfied, LocalDate.now(clock));
	}

	private Optional<String> find(String receiptCode) {
		String code = ReceiptCodes.normalise(receiptCode);
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql("select report_id from int_report where receipt_hash = ?")
			.param(receipts.hash(code))
			.query(String.class)
			.optional();
	}

	private Followed followed(String reportId) {
		Followed head = jdbc.sql("""
				select received_on, acknowledged_on, extended_to, closed_on, satisfied, review_requested_on,
				       reviewed_on, kind, region_code, answer, review_conclusion
				from int_report where report_id = ?""").param(reportId).query((rs, i) -> {
			ReportClock clock = new ReportClock(date(rs.getDate(1)), date(rs.getDate(2)), date(rs.getDate(3)),
					date(rs.getDate(4)), (Boolean) rs.getObject(5), date(rs.getDate(6)), date(rs.getDate(7)));
			return new Followed(clock.status(), clock.receivedOn(), rs.getString(8),
					registry.regionName(rs.getString(9)).orElse(""), rs.getString(10), clock.closedOn(),
					clock.satisfied(), rs.getString(11), List.of());
		}).single();
		List<Message> messages = jdbc.sql("""
				select at, from_reporter, text from int_message
				where report_id = ? and not internal order by message_id""")
			.param(reportId)
			.query((rs, i) -> new Message(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3), List.of()))
			.list();
		return new Followed(head.status(), head.receivedOn(), head.kind(), head.regionName(), head.answer(),
				head.answeredOn(), head.satisfied(), head.reviewConclusion(), messages);
	}

	private static Refused unknownCode() {
		return new Refused("intake.refused.receipt", "no report has this receipt code");
	}

	static LocalDate date(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
