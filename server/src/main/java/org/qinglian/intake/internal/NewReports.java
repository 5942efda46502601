package org.qinglian.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a new report from any channel, after checking every field: the matter's region
 * must be a village or township of the county; the report goes to the township office of
 * that region, or to the county when its subject is township staff (a position held at a
 * township). A named reporter's identity is sealed bound to the report's row.
 */
@Component
class NewReports {

	static final Set<String> KINDS = Set.of("accusation", "suggestion", "appeal", "other");

	static final int MAX_TEXT = 5000;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Registry registry;

	private final Clock clock;

	NewReports(JdbcClient jdbc, PersonalDataCipher cipher, Registry registry, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * A report to store.
	 *
	 * @param submittedBy the staff or officer account that entered it, or {@code null}
	 * @param clientKey the submitter's key of a retried submission, or {@code null}
	 */
	record Draft(String channel, String regionCode, String kind, String text, String subjectName, String subjectId,
			boolean anonymous, String name, String contact, String submittedBy, String clientKey) {
	}

	/**
	 * @return the new report's id
	 * @throws Refused naming the field that is wrong
	 */
	String insert(Draft d, String receiptHash) {
		String region = d.regionCode() == null ? "" : d.regionCode().strip();
		if (!region.matches("\\d{12}") || region.endsWith("000000") || registry.regionName(region).isEmpty()) {
			throw new Refused("intake.refused.region", "region_code must be a village or township of the county",
					region);
		}
		if (d.kind() == null || !KINDS.contains(d.kind())) {
			throw new Refused("intake.refused.kind", "kind must be one of accusation, suggestion, appeal, other");
		}
		String text = text(d.text(), "text", MAX_TEXT);
		String subjectName = optional(d.subjectName(), "subject_name", 100);
		String subjectId = optional(d.subjectId(), "subject_id", 64);
		if (subjectId != null && !registry.personExists(subjectId)) {
			throw new Refused("intake.refused.subject", "subject_id is not a person of the county's registry");
		}
		String name = optional(d.name(), "name", 100);
		String contact = optional(d.contact(), "contact", 100);
		if (d.anonymous() && (name != null || contact != null)) {
			throw new Refused("intake.refused.anonymousNamed", "an anonymous report carries no name or contact");
		}
		if (!d.anonymous() && (name == null || contact == null)) {
			throw new Refused("intake.refused.namedWithout", "a named report needs the reporter's name and contact");
		}
		String unit = townshipStaff(subjectId) || townshipStaffNamed(subjectName, region)
				? region.substring(0, 6) + "000000" : region.substring(0, 9) + "000";
		String reportId = jdbc
			.sql("select 'R' || to_char(?::date, 'YYYY') || lpad(nextval('int_report_number')::text, 7, '0')")
			.param(LocalDate.now(clock))
			.query(String.class)
			.single();
		String identity = d.anonymous() ? null
				: cipher.seal(name + '\u001f' + contact, new Place("int_report", "identity_enc", reportId));
		jdbc.sql("""
				insert into int_report (report_id, received_on, channel, kind, anonymous, subject_id, subject_name,
				    region_code, unit_code, rural_cadre, text, receipt_hash, identity_enc, submitted_by, client_key,
				    entered_at)
				values (:id, :today, :channel, :kind, :anonymous, :subject, :subjectName, :region, :unit,
				    :ruralCadre, :text, :receipt, :identity, :by, :clientKey,
				    case when cast(:by as text) is null then date_trunc('day', now()) else now() end)""")
			.param("id", reportId)
			.param("today", LocalDate.now(clock))
			.param("channel", d.channel())
			.param("kind", d.kind())
			.param("anonymous", d.anonymous())
			.param("subject", subjectId)
			.param("subjectName", subjectName)
			.param("region", region)
			.param("unit", unit)
			.param("ruralCadre", villageCadre(subjectId))
			.param("text", text)
			.param("receipt", receiptHash)
			.param("identity", identity)
			.param("by", d.submittedBy())
			.param("clientKey", d.clientKey())
			.update();
		return reportId;
	}

	/**
	 * Whether someone of that name holds a position at the township of the region now: a
	 * report naming township staff by name only goes to the county, as one naming them by
	 * id does.
	 */
	boolean townshipStaffNamed(String name, String region) {
		return name != null && jdbc.sql("""
				select exists (select 1 from jur_position q join jur_person p on p.person_id = q.person_id
				    where p.name = :name and q.region_code = :township and q.start_date <= :today
				    and (q.end_date is null or q.end_date >= :today))""")
			.param("name", name)
			.param("township", region.substring(0, 9) + "000")
			.param("today", LocalDate.now(clock))
			.query(Boolean.class)
			.single();
	}

	/** Whether the person holds a position at a township now (township staff). */
	boolean townshipStaff(String personId) {
		return personId != null && jdbc.sql("""
				select exists (select 1 from jur_position where person_id = :p and region_code like '%000'
				    and region_code not like '%000000' and start_date <= :today
				    and (end_date is null or end_date >= :today))""")
			.param("p", personId)
			.param("today", LocalDate.now(clock))
			.query(Boolean.class)
			.single();
	}

	private boolean villageCadre(String personId) {
		return personId != null && jdbc.sql("""
				select exists (select 1 from jur_position where person_id = :p and region_code not like '%000'
				    and role in ('party_secretary', 'committee_director', 'committee_member', 'accountant')
				    and start_date <= :today and (end_date is null or end_date >= :today))""")
			.param("p", personId)
			.param("today", LocalDate.now(clock))
			.query(Boolean.class)
			.single();
	}

	/** A required text, stripped; refused when empty or longer than {@code max}. */
	static String text(String value, String field, int max) {
		String v = optional(value, field, max);
		if (v == null) {
			throw new Refused("intake.refused.empty", field + " must not be empty", field);
		}
		return v;
	}

	/** An optional text, stripped, {@code null} when empty; refused when too long. */
	static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				throw new Refused("intake.refused.control", field + " contains a control character", field);
			}
		}
		if (v.length() > max) {
			throw new Refused("intake.refused.tooLong", field + " is longer than " + max + " characters", field, max);
		}
		return v;
	}

}
