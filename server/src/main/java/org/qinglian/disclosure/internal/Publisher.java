package org.qinglian.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.qinglian.disclosure.PublicationChain;
import org.qinglian.disclosure.RecordsPublished;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends acts to the publication log: the versions of the records whose content differs
 * from their latest published version (or that were never published), then the act that
 * chains them. One act at a time (an advisory lock), in the caller's transaction.
 */
@Component
class Publisher {

	/** The order of an act's versions in its items hash: by bytes, not by locale. */
	static final String ITEM_ORDER = "kind collate \"C\", record_id collate \"C\"";

	/** What of a version its act's items hash covers, as {@link #item} reads it. */
	static final String ITEM_COLUMNS = "kind, record_id, version, region_code, month, published_on, reason, content_hash";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Publisher(JdbcClient jdbc, DataSource dataSource, Clock clock, ApplicationEventPublisher events) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(10_000);
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** An act appended: its number and how many versions it published. */
	record Appended(long seq, int versions) {
	}

	/** Adds the version of the row ({@link #ITEM_COLUMNS} first) to the items. */
	static void item(PublicationChain.Items items, ResultSet rs) throws SQLException {
		items.add(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8));
	}

	/**
	 * Publishes the records of {@code dis_content} (aliased {@code d}) that {@code where}
	 * selects and whose content changed. A record's first version is published on the day
	 * its source disclosed it (vouchers) or today; later ones today.
	 * @param reason the reason of a new version of a record published before (a hold's
	 * own reason goes first)
	 * @param where a constant condition; values come as named parameters
	 * @param params the named parameters of {@code where}
	 * @return the act, or {@code null} if nothing changed (no act then)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Appended append(String actor, String regionCode, String reason, String where, Map<String, Object> params) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('dis_publish'))").query((ResultSet rs) -> {
		});
		Map<String, String> head = jdbc.sql("select seq, hash from dis_act order by seq desc limit 1")
			.query((rs, i) -> Map.of("seq", rs.getString(1), "hash", rs.getString(2)))
			.optional()
			.orElse(Map.of("seq", "0", "hash", PublicationChain.GENESIS));
		long seq = Long.parseLong(head.get("seq")) + 1;
		Map<String, Object> p = new HashMap<>(params);
		p.put("seq", seq);
		p.put("today", LocalDate.now(clock));
		p.put("reason", reason);
		String insert = """
				insert into dis_version (kind, record_id, version, region_code, month, act_seq, published_on, dated_on,
				  reason, content, content_hash)
				select c.kind, c.record_id, coalesce(l.version, 0) + 1, c.region_code, c.month, :seq,
				       case when l.version is null and c.disclosed_on <= :today then c.disclosed_on else :today end,
				       c.dated_on, case when l.version is null then null else coalesce(h.reason, :reason) end,
				       c.content, c.hash
				from (select d.*, encode(sha256(convert_to(d.content, 'UTF8')), 'hex') as hash
				      from dis_content d where %s) c
				left join lateral (select v.version, v.content_hash from dis_version v
				                   where v.kind = c.kind and v.record_id = c.record_id
				                   order by v.version desc limit 1) l on true
				left join dis_hold h on h.kind = c.kind and h.record_id = c.record_id
				where l.content_hash is distinct from c.hash""";
		int versions = jdbc.sql(insert.formatted(where)).params(p).update();
		if (versions == 0) {
			return null;
		}
		PublicationChain.Items items = new PublicationChain.Items();
		// a cursor: an act of a large county's import holds millions of versions, hashed
		// as they come, not all in memory at once
		streaming.query("select " + ITEM_COLUMNS + " from dis_version where act_seq = ? order by " + ITEM_ORDER,
				(ResultSet rs) -> {
					item(items, rs);
				}, seq);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String itemsHash = items.hash();
		String hash = PublicationChain.actHash(head.get("hash"), seq, at, actor, regionCode, reason, versions,
				itemsHash);
		jdbc.sql("""
				insert into dis_act (seq, acted_at, actor, region_code, reason, versions, items_hash, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, Timestamp.from(at), actor, regionCode, reason, versions, itemsHash, head.get("hash"), hash)
			.update();
		events.publishEvent(new RecordsPublished(seq, regionCode, versions));
		return new Appended(seq, versions);
	}

}
