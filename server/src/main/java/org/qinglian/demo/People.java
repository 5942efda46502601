package org.qinglian.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinglian.demo.Village.Cadres;
import org.qinglian.demo.Village.Villager;
import org.qinglian.platform.IdentityCodes;

/**
 * The county's people: realistic Chinese names, valid ID numbers unique in the county,
 * households with their kin, cars, properties and public employees, each village's
 * cadres, and the organizations of a township with their legal representatives.
 */
final class People {

	static final String[] TOWNSHIPS = { "甘霖镇", "长乐镇", "崇仁镇", "黄泽镇", "三界镇", "石璜镇", "谷来镇", "仙岩镇", "金庭镇", "北漳镇", "下王镇",
			"贵门乡", "里南乡", "竹溪乡", "雅璜乡", "王院乡", "通源乡", "剡湖街道", "三江街道", "鹿山街道", "浦口街道" };

	private static final String VILLAGE_A = "溪山塘岭坑坪桥岙湖口岩田下上东西南北前后大小新老石竹";

	private static final String VILLAGE_B = "头坪村塘里湾坑岭庄家";

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅玉兰春梅金凤国平晓东文斌浩然子涵欣怡俊杰宇轩雨萱晨阳思远佳怡明志波杰刚凯浩";

	private static final String[] ORG_KINDS = { "建筑工程有限公司", "市政工程有限公司", "水利建设有限公司", "保洁服务有限公司", "农业开发有限公司",
			"物资贸易有限公司" };

	/** The positions of a village, in the order its cadres are picked. */
	private static final String[] VILLAGE_ROLES = { "party_secretary", "committee_director", "committee_member",
			"accountant", "supervision_director", "info_officer" };

	/** What the persons file says of a person: an identity that a twin row may repeat. */
	record Identity(String idNumber, String name, String gender, LocalDate birth) {
	}

	private final Generation g;

	private final Map<String, Identity> identities = new HashMap<>();

	private final Set<String> usedIdNumbers = new HashSet<>();

	People(Generation g) {
		this.g = g;
	}

	/** What the persons file says of a person (or of the person a twin row repeats). */
	Identity identity(String personId) {
		return identities.get(personId);
	}

	String name() {
		String given = GIVEN.substring(g.rnd.nextInt(GIVEN.length() - 1));
		int len = 1 + g.rnd.nextInt(2);
		return SURNAMES.charAt(g.rnd.nextInt(SURNAMES.length())) + given.substring(0, Math.min(len, given.length()));
	}

	/**
	 * A valid ID number that no other person of the county has: identities are told apart
	 * by it.
	 */
	String idNumber(LocalDate birth, boolean male) {
		while (true) {
			int s = g.rnd.nextInt(499) * 2 + (male ? 1 : 0);
			String first17 = g.county + birth.toString().replace("-", "") + String.format("%03d", s);
			String id = first17 + IdentityCodes.idNumberCheck(first17);
			if (usedIdNumbers.add(id)) {
				return id;
			}
		}
	}

	/** A new person of a region (and household, or one of their own); returns the id. */
	String person(String region, String household, int birthYear) {
		String id = g.id('P');
		LocalDate birth = LocalDate.of(birthYear, 1 + g.rnd.nextInt(12), 1 + g.rnd.nextInt(28));
		boolean male = g.rnd.nextBoolean();
		String idNo = idNumber(birth, male);
		String nm = name();
		identities.put(id, new Identity(idNo, nm, male ? "m" : "f", birth));
		g.sheet("persons.csv")
			.row(id, idNo, nm, male ? "m" : "f", birth, household == null ? g.id('H') : household, region,
					"13" + (100000000 + g.rnd.nextInt(899999999)));
		return id;
	}

	/**
	 * A second person row with the identity of an earlier one (a twin row, as registries
	 * have), in the household given or a new one of its own.
	 */
	String twin(String personId, String household, String region) {
		String twin = g.id('P');
		Identity i = identities.get(personId);
		if (i == null) {
			throw new IllegalStateException("unknown person " + personId);
		}
		g.sheet("persons.csv")
			.row(twin, i.idNumber(), i.name(), i.gender(), i.birth(), household == null ? g.id('H') : household, region,
					null);
		identities.put(twin, i);
		return twin;
	}

	/** A village of a township: its households, their kin and belongings, its cadres. */
	Village village(String township, int index) {
		String code = township.substring(0, 9) + (201 + index);
		String name = "" + VILLAGE_A.charAt(g.rnd.nextInt(VILLAGE_A.length()))
				+ VILLAGE_A.charAt(g.rnd.nextInt(VILLAGE_A.length()))
				+ VILLAGE_B.charAt(g.rnd.nextInt(VILLAGE_B.length())) + "村";
		boolean cashless = g.rnd.nextInt(3) > 0;
		LocalDate cashlessSince = cashless ? LocalDate.of(2019, 1 + g.rnd.nextInt(6), 1) : null;
		g.sheet("regions.csv").row(code, name, "village", township, g.coord(29.5), g.coord(120.8), cashlessSince, null);
		List<Villager> people = new ArrayList<>();
		int households = 60 + g.rnd.nextInt(40);
		for (int h = 0; h < households; h++) {
			household(code, name, h, people);
		}
		String[] holders = new String[VILLAGE_ROLES.length];
		for (int r = 0; r < VILLAGE_ROLES.length; r++) {
			holders[r] = people.get(r * 2 + 4).personId();
			g.sheet("positions.csv").row(holders[r], code, VILLAGE_ROLES[r], "2017-01-01", null);
		}
		Village v = new Village(code, name, township, cashlessSince,
				new Cadres(holders[0], holders[1], holders[2], holders[3], holders[4], holders[5]),
				List.copyOf(people));
		for (String holder : holders) {
			g.excludedHouseholds.add(v.household(holder));
		}
		return v;
	}

	/**
	 * A household: head, spouse, children, a house, sometimes a car or a public employee.
	 */
	private void household(String village, String villageName, int number, List<Villager> people) {
		String hh = g.id('H');
		String head = person(village, hh, 1940 + g.rnd.nextInt(50));
		String spouse = person(village, hh, 1940 + g.rnd.nextInt(50));
		g.sheet("kin.csv").row(head, spouse, "spouse", "household_registry");
		people.add(new Villager(head, hh));
		people.add(new Villager(spouse, hh));
		int children = g.rnd.nextInt(3);
		for (int c = 0; c < children; c++) {
			String child = person(village, hh, 1985 + g.rnd.nextInt(25));
			g.sheet("kin.csv").row(head, child, "child", "household_registry");
			people.add(new Villager(child, hh));
		}
		g.sheet("properties.csv")
			.row(head, "嵊州市" + villageName + (number + 1) + "号", Generation.money(90 + g.rnd.nextInt(160)),
					LocalDate.of(1995 + g.rnd.nextInt(20), 1 + g.rnd.nextInt(12), 1));
		if (g.rnd.nextInt(6) == 0) {
			g.sheet("vehicles.csv")
				.row(head, "浙D" + g.id('V').substring(1, 6), LocalDate.of(2012 + g.rnd.nextInt(7), 3, 5),
						Generation.money(60000 + g.rnd.nextInt(200000)));
			g.excludedHouseholds.add(hh);
		}
		if (g.rnd.nextInt(15) == 0) {
			g.sheet("public_employees.csv").row(spouse, "嵊州市教育体育局", LocalDate.of(2005, 9, 1), null);
			g.excludedHouseholds.add(hh);
		}
		if (g.rnd.nextInt(10) == 0) {
			g.sheet("vehicles.csv")
				.row(spouse, "浙D" + g.id('V').substring(1, 6), LocalDate.of(2008, 6, 1),
						Generation.money(8000 + g.rnd.nextInt(30000)));
		}
	}

	/** Five organizations of a township, each with its legal representative. */
	List<String> organizations(String township) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String org = g.id('O');
			String rep = person(township, null, 1965 + g.rnd.nextInt(20));
			g.sheet("organizations.csv")
				.row(org,
						TOWNSHIPS[Math.abs(township.hashCode()) % TOWNSHIPS.length].substring(0, 2)
								+ name().substring(1) + ORG_KINDS[i % ORG_KINDS.length],
						g.creditCode(), rep, township, LocalDate.of(2005 + g.rnd.nextInt(10), 4, 5));
			g.sheet("org_people.csv").row(org, rep, "legal_rep");
			ids.add(org);
		}
		return ids;
	}

	/** Whether ordinary payments may go to the villager. */
	boolean eligible(Villager p) {
		return !g.excludedHouseholds.contains(p.household()) && !g.dead.contains(p.personId());
	}

	/** The n-th villager from the end whose household receives no ordinary subsidy. */
	Villager unpaid(Village v, int n) {
		int seen = 0;
		for (int i = v.people().size() - 1; i >= 0; i--) {
			Villager p = v.people().get(i);
			if (!g.recipientHouseholds.contains(p.household()) && !g.excludedHouseholds.contains(p.household())
					&& ++seen == n) {
				g.recipientHouseholds.add(p.household());
				return p;
			}
		}
		throw new IllegalStateException("no household without subsidies in " + v.name());
	}

	/** A villager who leases nothing in the village yet. */
	String freshLessee(Village v) {
		return v.people()
			.stream()
			.map(Villager::personId)
			.filter(p -> !g.lessees.contains(v.code() + "/" + p))
			.skip(35)
			.findFirst()
			.orElseThrow();
	}

}
