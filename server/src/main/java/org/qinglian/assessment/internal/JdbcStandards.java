package org.qinglian.assessment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.assessment.Metric;
import org.qinglian.assessment.Standards;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@Transactional
class JdbcStandards implements Standards {

	/** The default standards: 5 aspects, 19 items. */
	static final String DEFAULTS = "assessment/default-standards.sql";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	private final TransactionTemplate seeding;

	JdbcStandards(JdbcClient jdbc, Scopes scopes, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.seeding = new TransactionTemplate(transactions);
		this.seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Writes the default standards when there are none: on their first reading, not by a
	 * migration, so that a new installation stays empty for a restore. Concurrent first
	 * readings write them once ({@code on conflict do nothing}).
	 */
	private void defaults() {
		if (jdbc.sql("select exists (select 1 from asm_aspect)").query(Boolean.class).single()) {
			return;
		}
		String script;
		try (var in = new ClassPathResource(DEFAULTS).getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		seeding.executeWithoutResult(status -> {
			for (String statement : script.split("on conflict do nothing;")) {
				String sql = statement.lines()
					.filter(l -> !l.startsWith("--"))
					.reduce("", (a, b) -> a + "\n" + b)
					.strip();
				if (!sql.isEmpty()) {
					jdbc.sql(sql + " on conflict do nothing").update();
				}
			}
		});
	}

	@Override
	@Transactional(readOnly = true)
	public List<Aspect> aspects() {
		defaults();
		Map<String, Aspect> aspects = new LinkedHashMap<>();
		jdbc.sql("select aspect_code, name_zh, name_en from asm_aspect order by seq, aspect_code").query(rs -> {
			aspects.put(rs.getString(1),
					new Aspect(rs.getString(1), rs.getString(2), rs.getString(3), new ArrayList<>()));
		});
		jdbc.sql("""
				select item_code, aspect_code, seq, name_zh, name_en, weight, method, metric, target, retired
				from asm_item order by seq, item_code""").query(rs -> {
			aspects.get(rs.getString(2))
				.items()
				.add(new Item(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
						rs.getBigDecimal(6), rs.getString(7),
						rs.getString(8) == null ? null : Metric.of(rs.getString(8)), rs.getBigDecimal(9),
						rs.getBoolean(10)));
		});
		return List.copyOf(aspects.values());
	}

	private Scope editor() {
		defaults();
		Scope scope = scopes.current();
		scope.require(Role.Permission.EDIT_STANDARDS);
		if (!scope.regionCode().endsWith("000000")) {
			throw new Refused("assessment.refused.county", "the creation standards are the county's");
		}
		return scope;
	}

	@Override
	public void change(String itemCode, ItemChange c) {
		Scope scope = editor();
		Map<String, Object> item = jdbc.sql("select method from asm_item where item_code = ?")
			.param(itemCode)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(Scope.NotInScopeException::new);
		String nameZh = name(c.nameZh(), "nameZh");
		String nameEn = name(c.nameEn(), "nameEn");
		BigDecimal weight = weight(c.weight());
		boolean data = "data".equals(item.get("method"));
		BigDecimal target = data ? target(c.target()) : null;
		jdbc.sql(
				"""
						update asm_item set name_zh = ?, name_en = ?, weight = ?, target = ?, retired = ? where item_code = ?""")
			.params(nameZh, nameEn, weight, target, Boolean.TRUE.equals(c.retired()), itemCode)
			.update();
		audit.record("change_standard", "standard", itemCode, scope.regionCode(),
				"weight " + weight.toPlainString() + (target == null ? "" : " target " + target.toPlainString())
						+ (Boolean.TRUE.equals(c.retired()) ? " retired" : ""));
	}

	@Override
	public void add(NewItem n) {
		Scope scope = editor();
		String code = n.itemCode() == null ? "" : n.itemCode().strip();
		Refused.unless(code.matches("[a-z][a-z0-9_]{1,31}"), "itemCode", "assessment.refused.code");
		Refused.unless(jdbc.sql("select count(*) from asm_item where item_code = ?")
			.param(code)
			.query(Long.class)
			.single() == 0, "itemCode", "assessment.refused.taken");
		Refused.unless(jdbc.sql("select count(*) from asm_aspect where aspect_code = ?")
			.param(n.aspectCode())
			.query(Long.class)
			.single() == 1, "aspectCode", "assessment.refused.choice");
		Refused.unless("data".equals(n.method()) || "review".equals(n.method()), "method", "assessment.refused.choice");
		boolean data = "data".equals(n.method());
		String metric = null;
		if (data) {
			Refused.unless(
					n.metric() != null && Arrays.stream(Metric.values()).anyMatch(m -> m.code().equals(n.metric())),
					"metric", "assessment.refused.choice");
			metric = n.metric();
		}
		BigDecimal target = data ? target(n.target()) : null;
		jdbc.sql(
				"""
						insert into asm_item (item_code, aspect_code, seq, name_zh, name_en, weight, method, metric, target)
						values (?, ?, (select coalesce(max(seq), 0) + 1 from asm_item where aspect_code = ?), ?, ?, ?, ?, ?, ?)""")
			.params(code, n.aspectCode(), n.aspectCode(), name(n.nameZh(), "nameZh"), name(n.nameEn(), "nameEn"),
					weight(n.weight()), n.method(), metric, target)
			.update();
		audit.record("add_standard", "standard", code, scope.regionCode(), n.method() + " " + n.aspectCode());
	}

	private static String name(String value, String field) {
		String v = value == null ? "" : value.strip();
		Refused.unless(!v.isEmpty(), field, "assessment.refused.empty");
		Refused.unless(v.length() <= 200 && v.codePoints().noneMatch(Character::isISOControl), field,
				"assessment.refused.long");
		return v;
	}

	private static BigDecimal weight(BigDecimal weight) {
		Refused.unless(weight != null && weight.signum() > 0 && weight.compareTo(BigDecimal.valueOf(100)) <= 0
				&& weight.scale() <= 2, "weight", "assessment.refused.weight");
		return weight;
	}

	private static BigDecimal target(BigDecimal target) {
		Refused.unless(target != null && target.signum() > 0 && target.compareTo(BigDecimal.valueOf(100_000)) <= 0
				&& target.scale() <= 4, "target", "assessment.refused.target");
		return target;
	}

}
