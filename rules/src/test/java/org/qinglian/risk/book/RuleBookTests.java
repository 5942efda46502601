package org.qinglian.risk.book;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule book holds each rule once, and its queries call only the functions both
 * engines define ({@link Rule#FUNCTIONS}).
 */
class RuleBookTests {

	private static final Pattern CALL = Pattern.compile("\\b(risk_[a-z_]+)\\s*\\(");

	@Test
	void everyRuleHasOneCodeAndAQueryThatCallsOnlyTheSharedFunctions() {
		Set<String> codes = new TreeSet<>();
		for (Rule rule : RuleBook.all()) {
			assertTrue(codes.add(rule.code()), "one rule a code: " + rule.code());
			String sql = rule.sql();
			for (String column : List.of(" as key", " as subject_id", " as records", " as f0")) {
				assertTrue(sql.contains(column), rule.code() + " names its column" + column);
			}
			Matcher m = CALL.matcher(sql);
			while (m.find()) {
				assertTrue(Rule.FUNCTIONS.contains(m.group(1)),
						rule.code() + " calls " + m.group(1) + ", which not every engine defines");
			}
		}
		assertEquals(15, codes.size());
		assertTrue(RuleBook.SPLIT_AWARD.whole("window_days"));
		assertTrue(!RuleBook.UNIT_PRICE_OVER_REFERENCE.whole("factor"));
	}

	@Test
	void aFindingIsTheSameWhicheverEngineGaveItsRow() {
		Rule rule = RuleBook.WHITE_SLIP;
		Finding a = Finding.of(rule, "330683101201/P1", "P1", "330683101201", "2020-01~2020-02",
				new BigDecimal("1234.5"), List.of("vouchers.csv:V2", "vouchers.csv:V1"),
				List.of("石岩村", "张三", "2", "1234.50"));
		Finding b = Finding.of(rule, "330683101201/P1", "P1", "330683101201", "2020-01~2020-02",
				new BigDecimal("1234.50"), java.util.Arrays.asList("vouchers.csv:V1", null, "vouchers.csv:V2"),
				List.of("石岩村", "张三", "2", "1234.50"));
		assertEquals(a, b);
		assertEquals("vouchers.csv:V1;vouchers.csv:V2", a.records());
		assertEquals("石岩村经张三审批的 2 笔支出无发票入账，共 1234.50 元", a.explanation());
		assertTrue(a.id().matches("F[0-9a-f]{24}"), a.id());
	}

}
