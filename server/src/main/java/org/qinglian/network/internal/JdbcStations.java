package org.qinglian.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.intake.ReportDesk;
import org.qinglian.network.Stations;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Liaison stations and their orders. An accusation's summary and every villager's name
 * and contact are shown only to office staff, to whom took the order and to whom it is
 * assigned; others of the village see that an order exists and where it stands.
 */
@Service
@Transactional
class JdbcStations implements Stations {

	static final List<String> KINDS = List.of("consultation", "request", "dispute", "accusation");

	private static final String ORDERS = """
			select o.order_id, o.station_id, s.name as station_name, o.region_code, v.name as village_name, o.kind,
			       o.summary, o.villager_enc, o.taken_by, o.taken_at, o.assigned_to, o.answer, o.answered_at,
			       o.closed_at, o.report_id
			from net_order o join net_station s on s.station_id = o.station_id
			left join jur_region v on v.region_code = o.region_code
			""";

	/**
	 * An accusation exists only for whom took it, whom it is assigned to and office
	 * staff: others of the village do not learn that one was brought, nor when.
	 */
	private static final String ACCUSATIONS = """
			and (o.kind <> 'accusation' or :staff or o.taken_by = :user or o.assigned_to = :user)""";

	private final JdbcClient jdbc;

	private final NetworkSupport support;

	private final AuditLog audit;

	private final PersonalDataCipher cipher;

	private final ReportDesk reports;

	private final Clock clock;

	JdbcStations(JdbcClient jdbc, NetworkSupport support, AuditLog audit, PersonalDataCipher cipher, ReportDesk reports,
			Clock clock) {
		this.jdbc = jdbc;
		this.support = support;
		this.audit = audit;
		this.cipher = cipher;
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public String open(NewStation s) {
		Scope scope = support.require(Role.Permission.RUN_NETWORK);
		String township = support.region(scope, s.townshipCode(), "townshipCode", "township");
		String name = NetworkSupport.text(s.name(), "name", 100);
		String place = NetworkSupport.optional(s.place(), "place", 200);
		LocalDate opened = NetworkSupport.date(s.openedOn(), "openedOn");
		Set<String> villages = new LinkedHashSet<>(s.villages() == null ? List.of() : s.villages());
		Refused.unless(support.villagesOf(township, villages), "villages", "network.refused.villages");
		Refused.unless(jdbc.sql("select count(*) from net_station_village where village_code in (:v)")
			.param("v", List.copyOf(villages))
			.query(Long.class)
			.single() == 0, "villages", "network.refused.served");
		String id = support.nextId("LL", "net_order_number", opened);
		jdbc.sql("""
				insert into net_station (station_id, township_code, name, place, opened_on, created_by)
				values (?, ?, ?, ?, ?, ?)""").params(id, township, name, place, opened, scope.user()).update();
		for (String v : villages) {
			jdbc.sql("insert into net_station_village (station_id, village_code) values (?, ?)").params(id, v).update();
		}
		audit.record("open_station", "station", id, township, name);
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Station> stations() {
		Scope scope = reader();
		return jdbc
			.sql("""
					select s.station_id, s.township_code, t.name as township_name, s.name, s.place, s.opened_on,
					       (select string_agg(v.region_code || '=' || v.name, '、' order by v.region_code) from net_station_village sv
					          join jur_region v on v.region_code = sv.village_code where sv.station_id = s.station_id),
					       (select count(*) from net_order o where o.station_id = s.station_id and o.closed_at is null
					          and o.region_code like :scope),
					       (select count(*) from net_order o where o.station_id = s.station_id and o.closed_at is not null
					          and o.region_code like :scope)
					from net_station s join jur_region t on t.region_code = s.township_code
					where exists (select 1 from net_station_village sv where sv.station_id = s.station_id
					              and sv.village_code like :scope)
					order by s.township_code, s.name""")
			.params(scope.parameters())
			.query((rs, i) -> new Station(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), NetworkSupport.date(rs, "opened_on"), villages(rs.getString(7)), rs.getLong(8),
					rs.getLong(9)))
			.list();
	}

	@Override
	public List<Order> queue() {
		Scope scope = support.require(Role.Permission.TAKE_ORDERS);
		List<Order> orders = jdbc
			.sql(ORDERS + " where o.region_code like :scope " + ACCUSATIONS
					+ " order by o.closed_at is not null, o.taken_at desc limit 500")
			.params(parameters(scope))
			.query((rs, i) -> order(scope, rs, false))
			.list();
		return orders;
	}

	@Override
	public Optional<Order> order(String orderId) {
		Scope scope = support.require(Role.Permission.TAKE_ORDERS);
		Optional<Order> order = find(scope, orderId);
		order.filter(o -> o.villager() != null)
			.ifPresent(o -> audit.record("view_order", "order", orderId, o.villageCode(), null));
		return order;
	}

	private Optional<Order> find(Scope scope, String orderId) {
		Map<String, Object> params = parameters(scope);
		params.put("id", orderId);
		return jdbc.sql(ORDERS + " where o.order_id = :id and o.region_code like :scope " + ACCUSATIONS)
			.params(params)
			.query((rs, i) -> order(scope, rs, true))
			.optional();
	}

	/**
	 * An order as the reader may see it; the villager is opened only for one order's page
	 * (audited by the caller), never in a list.
	 */
	private Order order(Scope scope, ResultSet rs, boolean open) throws SQLException {
		String id = rs.getString("order_id");
		boolean close = close(scope, rs.getString("taken_by"), rs.getString("assigned_to"));
		boolean accusation = "accusation".equals(rs.getString("kind"));
		boolean hidden = accusation && !close;
		String villager = null;
		if (open && close && rs.getString("villager_enc") != null) {
			villager = cipher.open(rs.getString("villager_enc"), new Place("net_order", "villager_enc", id));
		}
		Instant taken = NetworkSupport.instant(rs, "taken_at");
		Instant closed = NetworkSupport.instant(rs, "closed_at");
		return new Order(id, rs.getString("station_id"), rs.getString("station_name"), rs.getString("region_code"),
				rs.getString("village_name"), rs.getString("kind"), hidden ? null : rs.getString("summary"), villager,
				hidden ? null : rs.getString("taken_by"), taken, hidden ? null : rs.getString("assigned_to"),
				hidden ? null : rs.getString("answer"), NetworkSupport.instant(rs, "answered_at"), closed,
				hidden ? null : rs.getString("report_id"),
				Duration.between(taken, closed != null ? closed : clock.instant()));
	}

	/** Office staff, whoever took the order and whom it is assigned to. */
	private static boolean close(Scope scope, String takenBy, String assignedTo) {
		return scope.can(Role.Permission.READ_SUPERVISION) || scope.user().equals(takenBy)
				|| scope.user().equals(assignedTo);
	}

	@Override
	public String take(NewOrder o) {
		Scope scope = support.require(Role.Permission.TAKE_ORDERS);
		String key = NetworkSupport.text(o.clientKey(), "clientKey", 64);
		Optional<String> stored = jdbc.sql("select order_id from net_order where taken_by = ? and client_key = ?")
			.params(scope.user(), key)
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		String village = support.region(scope, o.villageCode(), "villageCode", "village");
		String station = NetworkSupport.text(o.stationId(), "stationId", 64);
		Refused.unless(jdbc.sql("select count(*) from net_station_village where station_id = ? and village_code = ?")
			.params(station, village)
			.query(Long.class)
			.single() == 1, "stationId", "network.refused.station");
		String kind = NetworkSupport.oneOf(o.kind(), "kind", KINDS);
		String summary = NetworkSupport.text(o.summary(), "summary", 2000);
		String name = NetworkSupport.optional(o.villagerName(), "villagerName", 50);
		String contact = NetworkSupport.optional(o.villagerContact(), "villagerContact", 50);
		Refused.unless(name == null || name.indexOf('\n') < 0 && name.indexOf('\r') < 0, "villagerName",
				"network.refused.control");
		Refused.unless(contact == null || contact.indexOf('\n') < 0 && contact.indexOf('\r') < 0, "villagerContact",
				"network.refused.control");
		LocalDate today = LocalDate.now(clock);
		String id = support.nextId("JD", "net_order_number", today);
		String sealed = name == null && contact == null ? null
				: cipher.seal((name == null ? "" : name) + "\n" + (contact == null ? "" : contact),
						new Place("net_order", "villager_enc", id));
		int inserted = jdbc.sql("""
				insert into net_order (order_id, station_id, region_code, kind, summary, villager_enc, taken_by,
				                       taken_at, client_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (taken_by, client_key) do nothing""")
			.params(id, station, village, kind, summary, sealed, scope.user(), java.sql.Timestamp.from(clock.instant()),
					key)
			.update();
		if (inserted == 0) {
			// the same submission, retried while the first was being stored
			return jdbc.sql("select order_id from net_order where taken_by = ? and client_key = ?")
				.params(scope.user(), key)
				.query(String.class)
				.single();
		}
		audit.record("take_order", "order", id, village, kind);
		return id;
	}

	private Order require(String orderId) {
		Scope scope = support.require(Role.Permission.TAKE_ORDERS);
		return find(scope, orderId).orElseThrow(Scope.NotInScopeException::new);
	}

	private Order handled(String orderId) {
		Scope scope = support.require(Role.Permission.TAKE_ORDERS);
		Order order = require(orderId);
		if (order.takenBy() == null || !close(scope, order.takenBy(), order.assignedTo())) {
			throw new Refused("network.refused.notYours", "only whom the order is assigned to handles it");
		}
		if (order.closedAt() != null) {
			throw new Refused("network.refused.closed", "the order is closed");
		}
		return order;
	}

	/**
	 * An order that may be handled at the station: not an accusation, which goes to
	 * intake.
	 */
	private Order atStation(String orderId) {
		Order order = handled(orderId);
		if ("accusation".equals(order.kind())) {
			throw new Refused("network.refused.accusation", "an accusation leaves the station only as a report");
		}
		return order;
	}

	@Override
	public void assign(String orderId, String username) {
		Order order = atStation(orderId);
		Refused.unless(assignees(orderId).stream().anyMatch(a -> a.username().equals(username)), "username",
				"network.refused.assignee");
		int changed = jdbc
			.sql("update net_order set assigned_to = ?, assigned_at = now() where order_id = ? and closed_at is null")
			.params(username, orderId)
			.update();
		Refused.unless(changed == 1, "orderId", "network.refused.notOpen");
		audit.record("assign_order", "order", orderId, order.villageCode(), username);
	}

	@Override
	public void answer(String orderId, String answer) {
		Order order = atStation(orderId);
		String text = NetworkSupport.text(answer, "answer", 2000);
		int changed = jdbc
			.sql("update net_order set answer = ?, answered_at = ? where order_id = ? and closed_at is null")
			.params(text, java.sql.Timestamp.from(clock.instant()), orderId)
			.update();
		Refused.unless(changed == 1, "orderId", "network.refused.notOpen");
		audit.record("answer_order", "order", orderId, order.villageCode(), null);
	}

	@Override
	public void close(String orderId) {
		Order order = atStation(orderId);
		if (order.answeredAt() == null) {
			throw new Refused("network.refused.unanswered", "an order is answered before it is closed");
		}
		int changed = jdbc.sql("update net_order set closed_at = ? where order_id = ? and closed_at is null")
			.params(java.sql.Timestamp.from(clock.instant()), orderId)
			.update();
		Refused.unless(changed == 1, "orderId", "network.refused.notOpen");
		audit.record("close_order", "order", orderId, order.villageCode(), null);
	}

	@Override
	public String transfer(String orderId) {
		Scope scope = support.require(Role.Permission.READ_SUPERVISION);
		Order order = handled(orderId);
		if (!"accusation".equals(order.kind())) {
			throw new Refused("network.refused.transfer", "only an accusation goes to intake as a report");
		}
		String name = null;
		String contact = null;
		if (order.villager() != null) {
			String[] parts = order.villager().split("\n", 2);
			name = parts[0].isEmpty() ? null : parts[0];
			contact = parts.length < 2 || parts[1].isEmpty() ? null : parts[1];
		}
		boolean anonymous = name == null;
		// closed first: a second transfer racing this one waits for the row and then
		// finds it closed
		int changed = jdbc.sql("update net_order set closed_at = ? where order_id = ? and closed_at is null")
			.params(java.sql.Timestamp.from(clock.instant()), orderId)
			.update();
		Refused.unless(changed == 1, "orderId", "network.refused.notOpen");
		ReportDesk.Entered entered = reports.enter(new ReportDesk.StaffEntry("visit", order.villageCode(), "accusation",
				order.summary(), null, anonymous, name, contact == null ? "" : contact));
		jdbc.sql(
				"""
						update net_order set report_id = ?, answer = coalesce(answer, ?), answered_at = coalesce(answered_at, ?),
						   villager_enc = null, summary = ? where order_id = ?""")
			.params(entered.reportId(), "转信访举报 " + entered.reportId(), java.sql.Timestamp.from(clock.instant()),
					"转信访举报 " + entered.reportId(), orderId)
			.update();
		audit.record("transfer_order", "order", orderId, order.villageCode(), entered.reportId());
		return entered.receiptCode() == null ? entered.reportId() : entered.reportId() + " " + entered.receiptCode();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Assignee> assignees(String orderId) {
		Order order = require(orderId);
		List<String> roles = new ArrayList<>();
		for (Role r : Role.values()) {
			if (r.can(Role.Permission.TAKE_ORDERS)) {
				roles.add(r.name().toLowerCase());
			}
		}
		return jdbc.sql("""
				select username, display_name, region_code from plt_user
				where enabled and role in (:roles) order by username""")
			.param("roles", roles)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list()
			.stream()
			.filter(u -> order.villageCode().startsWith(Scope.prefixOf(u[2])))
			.map(u -> new Assignee(u[0], u[1]))
			.toList();
	}

	private Scope reader() {
		Scope scope = support.require(Role.Permission.READ_VILLAGE_DATA);
		if (!scope.can(Role.Permission.TAKE_ORDERS) && !scope.can(Role.Permission.RUN_NETWORK)) {
			scope.require(Role.Permission.TAKE_ORDERS);
		}
		return scope;
	}

	private static Map<String, String> villages(String joined) {
		Map<String, String> villages = new LinkedHashMap<>();
		if (joined != null) {
			for (String v : joined.split("、")) {
				villages.put(v.substring(0, 12), v.substring(13));
			}
		}
		return villages;
	}

	private static Map<String, Object> parameters(Scope scope) {
		Map<String, Object> params = scope.parameters();
		params.put("staff", scope.can(Role.Permission.READ_SUPERVISION));
		params.put("user", scope.user());
		return params;
	}

}
