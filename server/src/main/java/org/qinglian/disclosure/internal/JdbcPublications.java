package org.qinglian.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.disclosure.PublicationChain;
import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.SheetCheck.Verdict;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.FileTypes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Service
@Transactional(readOnly = true)
class JdbcPublications implements Publications {

	/** Which kinds of records the files of a bundle feed. */
	private static final Map<String, List<String>> KINDS_OF_FILE = Map.ofEntries(
			Map.entry("vouchers.csv", List.of("voucher")), Map.entry("contracts.csv", List.of("contract")),
			Map.entry("assets.csv", List.of("asset", "contract")), Map.entry("projects.csv", List.of("project")),
			Map.entry("project_items.csv", List.of("project")), Map.entry("subsidies.csv", List.of("subsidy")),
			Map.entry("persons.csv", List.of("voucher", "contract", "subsidy")),
			Map.entry("organizations.csv", List.of("voucher", "contract", "project")),
			Map.entry("power_exercises.csv", List.of("exercise")),
			Map.entry("exercise_events.csv", List.of("exercise")), Map.entry("power_items.csv", List.of("exercise")),
			Map.entry("power_steps.csv", List.of("exercise")));

	/** The reason of a record's new version that an import brings. */
	static final String IMPORT_CORRECTION = "导入数据更正";

	private static final String VERSION = """
			select kind, record_id, version, region_code, month, act_seq, published_on, dated_on, reason, content,
			       content_hash
			from dis_version""";

	/**
	 * The latest version, as of an act, of every record of some kinds that was ever
	 * published in a village, where it is in the village still: a correction may move a
	 * record to another month, an import to another village, and its latest version says
	 * where it is.
	 */
	private static final String LATEST_OF_VILLAGE = """
			select * from (
			  select distinct on (kind, record_id) * from dis_version
			  where (kind, record_id) in (select kind, record_id from dis_version
			                              where region_code = :village and kind in (:kinds))
			    and act_seq <= :seq
			  order by kind, record_id, version desc) v
			where v.region_code = :village""";

	private static final RowMapper<Act> ACT = (rs, i) -> new Act(rs.getLong("seq"),
			rs.getTimestamp("acted_at").toInstant(), rs.getString("actor"), rs.getString("region_code"),
			rs.getString("reason"), rs.getInt("versions"), rs.getString("items_hash"), rs.getString("prev_hash"),
			rs.getString("hash"));

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	/** How long a verification of the log is shown before it is done again. */
	static final Duration VERIFIED_FOR = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JdbcTemplate template;

	private final Publisher publisher;

	private final AuditLog audit;

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	JdbcPublications(JdbcClient jdbc, JdbcTemplate template, Publisher publisher, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.template = template;
		this.publisher = publisher;
		this.audit = audit;
	}

	/**
	 * Publishes what an import brought: every record of the kinds its files feed whose
	 * content changed, but vouchers only once disclosed ({@code disclosed_on}) and never
	 * what a village entered and has not published yet.
	 */
	@ApplicationModuleListener
	void on(BundleImported event) {
		publishImport(event.importId(), event.changedFiles());
	}

	void publishImport(long importId, Set<String> changedFiles) {
		Set<String> kinds = new LinkedHashSet<>();
		changedFiles.forEach(f -> kinds.addAll(KINDS_OF_FILE.getOrDefault(f, List.of())));
		if (kinds.isEmpty()) {
			return;
		}
		String county = jdbc.sql("select coalesce(min(region_code), '') from jur_region where level = 'county'")
			.query(String.class)
			.single();
		Publisher.Appended act = publisher.append("import:" + importId, county, IMPORT_CORRECTION, """
				d.kind in (:kinds) and (d.kind <> 'voucher' or d.disclosed_on is not null)
				and not exists (select 1 from dis_hold h where h.kind = d.kind and h.record_id = d.record_id)""",
				Map.of("kinds", kinds));
		if (act != null) {
			audit.record("publish_import", "publication_act", Long.toString(act.seq()), county,
					act.versions() + " versions");
		}
	}

	private RowMapper<Version> versions() {
		return (rs, i) -> version(rs);
	}

	private Version version(ResultSet rs) throws SQLException {
		return new Version(rs.getString("kind"), rs.getString("record_id"), rs.getInt("version"),
				rs.getString("region_code"), rs.getString("month"), rs.getLong("act_seq"),
				rs.getObject("published_on", LocalDate.class), rs.getObject("dated_on", LocalDate.class),
				rs.getString("reason"), json.readValue(rs.getString("content"), MAP), rs.getString("content_hash"));
	}

	@Override
	public List<Version> published(String villageCode, String kind, String month) {
		return jdbc.sql(LATEST_OF_VILLAGE + " and (cast(:month as text) is null or v.month = :month)")
			.param("village", villageCode)
			.param("kinds", List.of(kind))
			.param("seq", Long.MAX_VALUE)
			.param("month", month)
			.query(versions())
			.list()
			.stream()
			.sorted((a, b) -> {
				int c = String.valueOf(b.month()).compareTo(String.valueOf(a.month()));
				return c != 0 ? c : a.recordId().compareTo(b.recordId());
			})
			.toList();
	}

	@Override
	public List<String> voucherMonths(String villageCode) {
		return jdbc
			.sql("select distinct month from (" + LATEST_OF_VILLAGE + ") m where month is not null order by month desc")
			.param("village", villageCode)
			.param("kinds", List.of("voucher"))
			.param("seq", Long.MAX_VALUE)
			.query(String.class)
			.list();
	}

	@Override
	public List<Version> news(String villageCode, int limit) {
		return jdbc
			.sql(VERSION + " where region_code = ? order by act_seq desc, dated_on desc nulls last, kind, record_id"
					+ " limit ?")
			.params(villageCode, limit)
			.query(versions())
			.list();
	}

	@Override
	public List<Version> history(String kind, String recordId) {
		return jdbc.sql(VERSION + " where kind = ? and record_id = ? order by version")
			.params(kind, recordId)
			.query(versions())
			.list();
	}

	@Override
	public Sheet sheet(String villageCode, String month) {
		long head = head();
		List<Version> records = asOf(villageCode, month, head);
		return new Sheet(villageCode, month, head, hash(records), records);
	}

	/**
	 * The versions of a village's month that a sheet shows, as published up to an act.
	 */
	private List<Version> asOf(String villageCode, String month, long actSeq) {
		return jdbc.sql(LATEST_OF_VILLAGE + " and v.month = :month order by " + Publisher.ITEM_ORDER)
			.param("village", villageCode)
			.param("kinds", List.of("voucher", "subsidy"))
			.param("seq", actSeq)
			.param("month", month)
			.query(versions())
			.list();
	}

	private static String hash(List<Version> records) {
		PublicationChain.Items items = new PublicationChain.Items();
		records.forEach(v -> items.add(v.kind(), v.recordId(), v.version(), v.regionCode(), v.month(), v.publishedOn(),
				v.reason(), v.contentHash()));
		return items.hash();
	}

	@Override
	public SheetCheck check(String villageCode, String month, long actSeq, String hash) {
		Sheet now = sheet(villageCode, month);
		List<Version> printed = actSeq < 1 || actSeq > now.actSeq() ? List.of() : asOf(villageCode, month, actSeq);
		// a sheet shows records: the hash of none proves nothing
		if (printed.isEmpty() || hash == null || !hash.equals(hash(printed))) {
			return new SheetCheck(Verdict.UNKNOWN, now, List.of(), List.of());
		}
		if (hash.equals(now.hash())) {
			return new SheetCheck(Verdict.MATCHES, now, printed, List.of());
		}
		Set<String> shown = new LinkedHashSet<>();
		printed.forEach(v -> shown.add(v.kind() + "/" + v.recordId()));
		now.records().forEach(v -> shown.add(v.kind() + "/" + v.recordId()));
		List<Version> changed = jdbc
			.sql(VERSION + " where act_seq > :seq and kind || '/' || record_id in (:shown)"
					+ " order by act_seq, kind, record_id")
			.param("seq", actSeq)
			.param("shown", shown)
			.query(versions())
			.list();
		return new SheetCheck(Verdict.CHANGED, now, printed, changed);
	}

	@Override
	public Map<String, ExerciseVerdict> verdicts(String villageCode) {
		Map<String, ExerciseVerdict> out = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select e.exercise_id, c.conforms, dv.kind, dv.reason_zh,
						       exists (select 1 from dis_hold h where h.kind = 'exercise' and h.record_id = e.exercise_id) as held
						from pow_exercise e
						left join pow_conformance c on c.exercise_id = e.exercise_id
						left join pow_deviation dv on dv.exercise_id = e.exercise_id
						where e.region_code = ?
						  and exists (select 1 from dis_version v where v.kind = 'exercise' and v.record_id = e.exercise_id)
						order by e.exercise_id, dv.ordinal""")
			.param(villageCode)
			.query((ResultSet rs) -> {
				String id = rs.getString(1);
				// a step recorded since the last publication is not what the public sees
				Boolean conforms = rs.getBoolean(5) ? null : (Boolean) rs.getObject(2);
				ExerciseVerdict before = out.get(id);
				String colour = conforms == null ? "grey" : conforms ? "green" : "yellow";
				List<String> reasons = before == null ? new ArrayList<>() : before.reasons();
				if (conforms != null && rs.getString(3) != null) {
					reasons.add(rs.getString(4));
					if (!"TOO_LATE".equals(rs.getString(3))) {
						colour = "red";
					}
				}
				if (before != null && "red".equals(before.colour())) {
					colour = "red";
				}
				out.put(id, new ExerciseVerdict(colour, reasons));
			});
		return out;
	}

	@Override
	public Optional<Scan> scan(String voucherId) {
		String published = jdbc.sql("""
				select v.content::jsonb ->> 'scan' from dis_version v where v.kind = 'voucher' and v.record_id = ?
				order by v.version desc limit 1""").param(voucherId).query(String.class).optional().orElse(null);
		if (published == null) {
			return Optional.empty();
		}
		// the stored file must still be the one that was published
		return jdbc.sql("select media_type, content from dis_scan where voucher_id = ?")
			.param(voucherId)
			.query((rs, i) -> new Scan(rs.getString(1), rs.getBytes(2)))
			.optional()
			.filter(scan -> FileTypes.sha256(scan.content()).equals(published));
	}

	@Override
	public Map<String, BigDecimal> rentReceived(String villageCode) {
		List<Version> vouchers = published(villageCode, "voucher", null).stream()
			.filter(v -> "lease_income".equals(v.content().get("category")))
			.toList();
		Map<String, BigDecimal> received = new HashMap<>();
		for (Version c : published(villageCode, "contract", null)) {
			if (!"lease".equals(c.content().get("kind"))) {
				continue;
			}
			Object lessee = c.content().get("counterparty");
			LocalDate from = date(c.content().get("start_on"), c.content().get("signed_on"));
			LocalDate to = date(c.content().get("end_on"), null);
			BigDecimal sum = BigDecimal.ZERO;
			for (Version v : vouchers) {
				LocalDate booked = date(v.content().get("booked_on"), null);
				if (lessee != null && lessee.equals(v.content().get("counterparty")) && booked != null
						&& (from == null || !booked.isBefore(from)) && (to == null || !booked.isAfter(to))) {
					sum = sum.add(new BigDecimal(String.valueOf(v.content().get("amount"))));
				}
			}
			received.put(c.recordId(), sum);
		}
		return received;
	}

	private static LocalDate date(Object value, Object fallback) {
		Object v = value != null ? value : fallback;
		try {
			return v == null ? null : LocalDate.parse(String.valueOf(v));
		}
		catch (DateTimeParseException ex) {
			// a day the public view cannot read counts as none
			return null;
		}
	}

	/** The last verification: the head it covered, when it was done, what it said. */
	private record Verified(long head, Instant at, Verification verification) {
	}

	private Verified verified;

	@Override
	public synchronized Verification verified() {
		long head = head();
		Instant now = clock.instant();
		if (verified == null || verified.head() != head || verified.at().plus(VERIFIED_FOR).isBefore(now)) {
			verified = new Verified(head, now, verify());
		}
		return verified.verification();
	}

	@Override
	public Verification verify() {
		List<Act> acts = jdbc.sql("select * from dis_act order by seq").query(ACT).list();
		Map<Long, PublicationChain.Items> items = new LinkedHashMap<>();
		long[] versions = { 0 };
		String[] broken = { null };
		long[] brokenAct = { -1 };
		JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(10_000);
		streaming.query("select " + Publisher.ITEM_COLUMNS + ", act_seq, content from dis_version order by act_seq, "
				+ Publisher.ITEM_ORDER, (ResultSet rs) -> {
					long seq = rs.getLong(9);
					versions[0]++;
					String stored = rs.getString(8);
					if (broken[0] == null && !PublicationChain.contentHash(rs.getString(10)).equals(stored)) {
						broken[0] = "the content of " + rs.getString(1) + " " + rs.getString(2) + " version "
								+ rs.getInt(3) + " does not match its hash";
						brokenAct[0] = seq;
					}
					Publisher.item(items.computeIfAbsent(seq, s -> new PublicationChain.Items()), rs);
				});
		String previous = PublicationChain.GENESIS;
		long expected = 1;
		for (Act a : acts) {
			String why = null;
			PublicationChain.Items its = items.getOrDefault(a.seq(), new PublicationChain.Items());
			if (a.seq() != expected) {
				why = "act " + expected + " is missing";
			}
			else if (!a.prevHash().equals(previous)) {
				why = "it does not follow the act before it";
			}
			else if (its.count() != a.versions()) {
				why = "it published " + a.versions() + " versions, " + its.count() + " are there";
			}
			else if (!its.hash().equals(a.itemsHash())) {
				why = "its versions are not the ones it published";
			}
			else if (!PublicationChain
				.actHash(a.prevHash(), a.seq(), a.actedAt(), a.actor(), a.regionCode(), a.reason(), a.versions(),
						a.itemsHash())
				.equals(a.hash())) {
				why = "its own record was changed";
			}
			if (why == null && brokenAct[0] == a.seq()) {
				why = broken[0];
			}
			if (why != null) {
				return new Verification(acts.size(), versions[0], a.seq(), why);
			}
			previous = a.hash();
			expected++;
		}
		long next = expected;
		if (items.keySet().stream().anyMatch(s -> s >= next)) {
			return new Verification(acts.size(), versions[0], next, "versions of an act not in the log");
		}
		return new Verification(acts.size(), versions[0], null, null);
	}

	@Override
	public List<Act> acts(int limit) {
		return jdbc.sql("select * from dis_act order by seq desc limit ?").param(limit).query(ACT).list();
	}

	@Override
	public long head() {
		return jdbc.sql("select coalesce(max(seq), 0) from dis_act").query(Long.class).single();
	}

}
