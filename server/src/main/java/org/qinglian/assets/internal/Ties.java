package org.qinglian.assets.internal;

import java.sql.ResultSet;

import org.qinglian.platform.TableChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ties of the registries as received, kept with their rows ({@code ast_tie_kept}):
 * every received row resolved by the SQL function {@code ast_tie} (the spec's readings,
 * in order), once, when what they depend on changed (a fingerprint of the persons and the
 * received rows, {@code ast_tie_fingerprint}), not on every read.
 */
@Component
class Ties {

	private static final Logger log = LoggerFactory.getLogger(Ties.class);

	/** The tables the ties are made from. */
	private static final String[] TIED_FROM = { "jur_person", "ast_death_received", "ast_vehicle_received",
			"ast_property_received", "ast_public_employee_received" };

	private static final String STAMP = "ast_ties";

	private final JdbcClient jdbc;

	private final TableChanges changes;

	Ties(JdbcClient jdbc, TableChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tieIfChanged() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('ast_tie'))").query((ResultSet rs) -> {
		});
		// nothing the ties read changed since they were made: not even a fingerprint to
		// take
		String stamp = changes.stamp(TIED_FROM);
		if (stamp.equals(changes.kept(STAMP))) {
			return false;
		}
		String now = jdbc.sql("select ast_tie_fingerprint()").query(String.class).single();
		String kept = jdbc.sql("select fingerprint from ast_tie_basis").query(String.class).optional().orElse(null);
		if (now.equals(kept)) {
			changes.keep(STAMP, stamp);
			return false;
		}
		long started = System.nanoTime();
		jdbc.sql("delete from ast_tie_kept").update();
		int rows = jdbc
			.sql("""
					insert into ast_tie_kept (file, record_id, given_id, id_number, name, birth_date, person_id, tie, detail)
					select 'deaths.csv', r.record_id, r.person_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
					from ast_death_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
					union all
					select 'vehicles.csv', r.record_id, r.person_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
					from ast_vehicle_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
					union all
					select 'properties.csv', r.record_id, r.person_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
					from ast_property_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
					union all
					select 'public_employees.csv', r.record_id, r.person_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
					from ast_public_employee_received r
					cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t""")
			.update();
		jdbc.sql("""
				insert into ast_tie_basis (only_row, fingerprint) values (true, ?)
				on conflict (only_row) do update set fingerprint = excluded.fingerprint""").param(now).update();
		changes.keep(STAMP, stamp);
		log.info("Tied {} received registry rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		return true;
	}

}
