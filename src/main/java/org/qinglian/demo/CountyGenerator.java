package org.qinglian.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qinglian.platform.IdentityCodes;

/**
 * Generates a synthetic county in the QDX format: realistic Chinese names, valid ID
 * numbers and credit codes, two years of vouchers, contracts, projects, subsidies,
 * registries, uses of power, reports and cases. Every misconduct scheme of the spec is
 * injected a few times and written to {@code labels/}. The ordinary data is kept clear of
 * the patterns (invoices on large expenses, no cash in cashless villages, prices near the
 * reference...), so that a label means something. Deterministic for a seed.
 */
final class CountyGenerator {

	/** How big a county to make. */
	record Size(int townships, int villagesPerTownship, long seed) {
	}

	static final String COUNTY = "330683";

	static final int YEAR_FROM = 2019;

	/** The files of the default catalogue, copied as they are from the resources. */
	private static final List<String> CATALOGUE = List.of("power_items.csv", "power_steps.csv", "red_lines.csv");

	static final int YEARS = 2;

	private static final String[] TOWNSHIPS = { "甘霖镇", "长乐镇", "崇仁镇", "黄泽镇", "三界镇", "石璜镇", "谷来镇", "仙岩镇", "金庭镇", "北漳镇",
			"下王镇", "贵门乡", "里南乡", "竹溪乡", "雅璜乡", "王院乡", "通源乡", "剡湖街道", "三江街道", "鹿山街道", "浦口街道" };

	private static final String VILLAGE_A = "溪山塘岭坑坪桥岙湖口岩田下上东西南北前后大小新老石竹";

	private static final String VILLAGE_B = "头坪村塘里湾坑岭庄家";

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅玉兰春梅金凤国平晓东文斌浩然子涵欣怡俊杰宇轩雨萱晨阳思远佳怡明志波杰刚凯浩";

	private static final String[] ORG_KINDS = { "建筑工程有限公司", "市政工程有限公司", "水利建设有限公司", "保洁服务有限公司", "农业开发有限公司",
			"物资贸易有限公司" };

	private static final String[][] WORKS = { { "concrete_c25", "m3", "C25混凝土浇筑", "520" },
			{ "asphalt_surface_5cm", "m2", "5cm沥青面层", "68" }, { "pipe_dn110", "m", "DN110给水管", "86" },
			{ "earthwork_excavation", "m3", "土方开挖", "18" }, { "masonry_retaining_wall", "m3", "浆砌块石挡墙", "410" },
			{ "curb_stone", "m", "路缘石安装", "55" }, { "street_lamp", "set", "太阳能路灯", "2600" },
			{ "greening", "m2", "绿化种植", "45" } };

	private final Random rnd;

	private final Size size;

	private BundleWriter out;

	private int seq;

	private final LocalDate start = LocalDate.of(YEAR_FROM, 1, 1);

	private final LocalDate end = LocalDate.of(YEAR_FROM + YEARS - 1, 12, 31);

	private final Map<String, List<String[]>> steps = new LinkedHashMap<>();

	private final Map<String, Integer> schemeCount = new HashMap<>();

	private final Map<String, String[]> identities = new HashMap<>();

	/** The header line of each file of the format, by file name, in load order. */
	private final Map<String, String> headers;

	CountyGenerator(Size size, List<org.qinglian.platform.ExchangeFile> files) {
		this.size = size;
		this.headers = new LinkedHashMap<>();
		files.stream()
			.sorted(java.util.Comparator.comparingInt(org.qinglian.platform.ExchangeFile::order))
			.forEach(f -> headers.put(f.file(),
					String.join(",", f.columns().stream().map(org.qinglian.platform.ExchangeColumn::name).toList())));
		this.rnd = new Random(size.seed());
	}

	/** A village as the generator knows it while writing. */
	private static final class Village {

		String code;

		String name;

		String township;

		boolean cashless;

		LocalDate cashlessSince;

		String secretary;

		String director;

		String accountant;

		String supervisor;

		String officer;

		String member;

		final List<String[]> people = new ArrayList<>();

		final List<String> households = new ArrayList<>();

	}

	long write(Path dir) throws IOException {
		loadCatalogue();
		try (BundleWriter w = new BundleWriter(dir)) {
			this.out = w;
			// the data files in the order of the format, with the headers the modules
			// declare for them
			for (String file : headers.keySet()) {
				if (!CATALOGUE.contains(file)) {
					w.sheet(file, headers.get(file));
				}
			}
			copyCatalogue(w);
			var regions = w.sheet("regions.csv", null);
			var persons = w.sheet("persons.csv", null);
			var positions = w.sheet("positions.csv", null);
			w.sheet("labels/schemes.csv", "scheme_id,scheme,subject_id,region_code,amount");
			w.sheet("labels/scheme_records.csv", "scheme_id,file,record_id");

			String countyCode = COUNTY + "000000";
			regions.row(countyCode, "嵊州市", "county", null, "29.5887", "120.8212", null, null);
			for (int i = 0; i < 6; i++) {
				String p = person(persons, countyCode, null, 1965 + rnd.nextInt(25));
				positions.row(p, countyCode, "county_staff", "2012-03-01", null);
			}
			referencePrices();
			for (int t = 0; t < size.townships(); t++) {
				String tc = COUNTY + (101 + t) + "000";
				boolean custody = rnd.nextBoolean();
				regions.row(tc, TOWNSHIPS[t % TOWNSHIPS.length] + (t >= TOWNSHIPS.length ? String.valueOf(t) : ""),
						"township", countyCode, coord(29.5), coord(120.8), null, custody ? "2018-01-01" : null);
				positions.row(person(persons, tc, null, 1970), tc, "township_secretary", "2016-01-01", null);
				for (int s = 0; s < 2; s++) {
					positions.row(person(persons, tc, null, 1975 + s * 5), tc, "township_staff", "2017-06-01", null);
				}
				positions.row(person(persons, tc, null, 1980), tc, "custodian", "2018-01-01", null);
				List<String> orgs = organizations(tc);
				List<Village> villages = new ArrayList<>();
				for (int v = 0; v < size.villagesPerTownship(); v++) {
					villages.add(village(regions, persons, positions, tc, v));
				}
				List<String[]> leases = new ArrayList<>();
				for (Village v : villages) {
					villageBooks(v, orgs, leases);
				}
				injectTownship(villages, orgs, leases);
			}
			w.manifest(COUNTY, start.toString(), end.toString(), "2021-01-15T09:00:00+08:00");
			return w.rows();
		}
	}

	// ---- people
	// -------------------------------------------------------------------------------------------

	private String id(char prefix) {
		seq++;
		String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
		long n = seq * 7919L + 104729L;
		StringBuilder sb = new StringBuilder().append(prefix);
		for (int i = 0; i < 7; i++) {
			sb.append(alphabet.charAt((int) (n % 32)));
			n /= 32;
		}
		return sb.toString();
	}

	private String name() {
		String given = GIVEN.substring(rnd.nextInt(GIVEN.length() - 1));
		int len = 1 + rnd.nextInt(2);
		return SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + given.substring(0, Math.min(len, given.length()));
	}

	/**
	 * A valid ID number that no other person of the county has: identities are told apart
	 * by it.
	 */
	private String idNumber(LocalDate birth, boolean male) {
		while (true) {
			int s = rnd.nextInt(499) * 2 + (male ? 1 : 0);
			String first17 = COUNTY + birth.toString().replace("-", "") + String.format("%03d", s);
			String id = first17 + IdentityCodes.idNumberCheck(first17);
			if (usedIdNumbers.add(id)) {
				return id;
			}
		}
	}

	private final java.util.Set<String> usedIdNumbers = new java.util.HashSet<>();

	private String person(BundleWriter.Sheet persons, String region, String household, int birthYear) {
		String id = id('P');
		LocalDate birth = LocalDate.of(birthYear, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
		boolean male = rnd.nextBoolean();
		String idNo = idNumber(birth, male);
		String nm = name();
		identities.put(id, new String[] { idNo, nm, male ? "m" : "f", birth.toString() });
		persons.row(id, idNo, nm, male ? "m" : "f", birth, household == null ? id('H') : household, region,
				"13" + (100000000 + rnd.nextInt(899999999)));
		return id;
	}

	private Village village(BundleWriter.Sheet regions, BundleWriter.Sheet persons, BundleWriter.Sheet positions,
			String tc, int index) {
		Village v = new Village();
		v.code = tc.substring(0, 9) + (201 + index);
		v.township = tc;
		v.name = "" + VILLAGE_A.charAt(rnd.nextInt(VILLAGE_A.length()))
				+ VILLAGE_A.charAt(rnd.nextInt(VILLAGE_A.length())) + VILLAGE_B.charAt(rnd.nextInt(VILLAGE_B.length()))
				+ "村";
		v.cashless = rnd.nextInt(3) > 0;
		v.cashlessSince = v.cashless ? LocalDate.of(2019, 1 + rnd.nextInt(6), 1) : null;
		regions.row(v.code, v.name, "village", tc, coord(29.5), coord(120.8), v.cashlessSince, null);
		var kin = out.sheet("kin.csv", null);
		var vehicles = out.sheet("vehicles.csv", null);
		var properties = out.sheet("properties.csv", null);
		int households = 60 + rnd.nextInt(40);
		for (int h = 0; h < households; h++) {
			String hh = id('H');
			v.households.add(hh);
			String head = person(persons, v.code, hh, 1940 + rnd.nextInt(50));
			String spouse = person(persons, v.code, hh, 1940 + rnd.nextInt(50));
			kin.row(head, spouse, "spouse", "household_registry");
			v.people.add(new String[] { head, hh });
			v.people.add(new String[] { spouse, hh });
			int children = rnd.nextInt(3);
			for (int c = 0; c < children; c++) {
				String child = person(persons, v.code, hh, 1985 + rnd.nextInt(25));
				kin.row(head, child, "child", "household_registry");
				v.people.add(new String[] { child, hh });
			}
			properties.row(head, "嵊州市" + v.name + (h + 1) + "号", money(90 + rnd.nextInt(160)),
					LocalDate.of(1995 + rnd.nextInt(20), 1 + rnd.nextInt(12), 1));
			if (rnd.nextInt(6) == 0) {
				vehicles.row(head, "浙D" + id('V').substring(1, 6), LocalDate.of(2012 + rnd.nextInt(7), 3, 5),
						money(60000 + rnd.nextInt(200000)));
				excludedHouseholds.add(hh);
				wealthyHouseholds.add(hh);
			}
			if (rnd.nextInt(15) == 0) {
				out.sheet("public_employees.csv", null).row(spouse, "嵊州市教育体育局", LocalDate.of(2005, 9, 1), null);
				excludedHouseholds.add(hh);
				wealthyHouseholds.add(hh);
			}
			if (rnd.nextInt(10) == 0) {
				vehicles.row(spouse, "浙D" + id('V').substring(1, 6), LocalDate.of(2008, 6, 1),
						money(8000 + rnd.nextInt(30000)));
			}
		}
		String[] roles = { "party_secretary", "committee_director", "committee_member", "accountant",
				"supervision_director", "info_officer" };
		String[] holders = new String[roles.length];
		for (int r = 0; r < roles.length; r++) {
			holders[r] = v.people.get(r * 2 + 4)[0];
			positions.row(holders[r], v.code, roles[r], "2017-01-01", null);
		}
		for (String holder : holders) {
			excludedHouseholds.add(household(v, holder));
		}
		v.secretary = holders[0];
		v.director = holders[1];
		v.member = holders[2];
		v.accountant = holders[3];
		v.supervisor = holders[4];
		v.officer = holders[5];
		return v;
	}

	private List<String> organizations(String tc) {
		var orgs = out.sheet("organizations.csv", null);
		var orgPeople = out.sheet("org_people.csv", null);
		var persons = out.sheet("persons.csv", null);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String org = id('O');
			String rep = person(persons, tc, null, 1965 + rnd.nextInt(20));
			orgs.row(org,
					TOWNSHIPS[Math.abs(tc.hashCode()) % TOWNSHIPS.length].substring(0, 2) + name().substring(1)
							+ ORG_KINDS[i % ORG_KINDS.length],
					creditCode(), rep, tc, LocalDate.of(2005 + rnd.nextInt(10), 4, 5));
			orgPeople.row(org, rep, "legal_rep");
			ids.add(org);
		}
		return ids;
	}

	private String creditCode() {
		StringBuilder sb = new StringBuilder("91").append(COUNTY);
		for (int i = 0; i < 9; i++) {
			sb.append(IdentityCodes.CREDIT_CHARS.charAt(rnd.nextInt(IdentityCodes.CREDIT_CHARS.length())));
		}
		return sb.append(IdentityCodes.creditCodeCheck(sb)).toString();
	}

	// ---- village books
	// ------------------------------------------------------------------------------------

	private void villageBooks(Village v, List<String> orgs, List<String[]> leases) {
		var subsidies = out.sheet("subsidies.csv", null);
		var deaths = out.sheet("deaths.csv", null);
		// livelihood payments: a few recipients per program, monthly; some recipients die
		// and payments stop
		String[] programs = { "dibao", "tekun", "elderly", "disability" };
		for (String program : programs) {
			int count = program.equals("elderly") ? 8 : 3;
			for (int r = 0; r < count; r++) {
				String[] p = v.people.get(20 + rnd.nextInt(v.people.size() - 20));
				if (!eligible(p) || recipients.contains(p[0])) {
					continue;
				}
				recipients.add(p[0]);
				recipientHouseholds.add(p[1]);
				YearMonth death = rnd.nextInt(12) == 0
						? YearMonth.of(2019, 1 + rnd.nextInt(12)).plusMonths(rnd.nextInt(10)) : null;
				if (death != null) {
					deaths.row(p[0], death.atDay(1 + rnd.nextInt(27)));
					dead.add(p[0]);
				}
				BigDecimal amount = money(program.equals("dibao") ? 800 + rnd.nextInt(6) * 90 : 150 + rnd.nextInt(400));
				for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
					if (death != null && m.isAfter(death)) {
						break;
					}
					subsidies.row(id('S'), program, p[0], v.code, m, amount, m.atDay(18));
				}
			}
		}
		// ordinary running costs: invoices on everything of 1,000 or more, bank or mobile
		// payments
		String[] categories = { "office", "labor", "travel", "hospitality", "other" };
		for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
			int n = 4 + rnd.nextInt(6);
			for (int i = 0; i < n; i++) {
				String cat = categories[rnd.nextInt(categories.length)];
				BigDecimal amount = money(cat.equals("labor") ? 300 + rnd.nextInt(600) : 200 + rnd.nextInt(4000));
				String method = v.cashless || amount.compareTo(BigDecimal.valueOf(900)) > 0
						? (rnd.nextBoolean() ? "bank" : "mobile") : (rnd.nextInt(4) == 0 ? "cash" : "bank");
				voucher(v, m.atDay(1 + rnd.nextInt(27)), "expense", amount, method, null, "办公用品商店", cat, summary(cat),
						invoice(), null, null);
			}
			voucher(v, m.atDay(5), "income", money(20000 + rnd.nextInt(30000)), "bank", null, "嵊州市财政局",
					"allocation_income", "上级转移支付", null, null, null);
		}
		// assets and their leases, with the year's rent paid by the lessee
		var assets = out.sheet("assets.csv", null);
		String[] kinds = { "land", "pond", "forest", "building" };
		for (int a = 0; a < 4; a++) {
			String kind = kinds[a];
			String asset = id('A');
			BigDecimal area = money(kind.equals("building") ? 200 + rnd.nextInt(600) : 20 + rnd.nextInt(120));
			assets.row(asset, v.code, kind, v.name + assetName(kind) + (a + 1), area,
					money(50000 + rnd.nextInt(500000)));
			BigDecimal perUnit = BigDecimal.valueOf(unitRent(kind) * (0.85 + rnd.nextDouble() * 0.3));
			BigDecimal rent = area.multiply(perUnit).setScale(2, RoundingMode.HALF_UP);
			String lessee = v.people.get(30 + rnd.nextInt(v.people.size() - 30))[0];
			LocalDate from = LocalDate.of(2016 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1);
			String contract = lease(v, asset, lessee, from, rent, "open_tender");
			leases.add(new String[] { contract, kind, area.toString(), rent.toString(), v.code, lessee });
			for (LocalDate due = from; !due.isAfter(end); due = due.plusYears(1)) {
				if (!due.isBefore(start)) {
					voucher(v, due.plusDays(rnd.nextInt(20)), "income", rent, "bank", lessee, null, "lease_income",
							assetName(kind) + "租金", null, null, null);
				}
			}
		}
		// projects with their contracts, bills of quantities and payments
		// each ordinary project of a village has its own contractor, so that no two small
		// awards to one firm
		// add up over a tender threshold by chance; orgs 0 and 1 are kept for the
		// injected projects
		List<String> contractors = new ArrayList<>(orgs.subList(2, orgs.size()));
		java.util.Collections.shuffle(contractors, rnd);
		int projects = 2 + rnd.nextInt(2);
		for (int p = 0; p < projects; p++) {
			project(v, contractors.get(p), 1.0, false);
		}
		// other uses of power, by the catalogue's flows
		for (int e = 0; e < 25; e++) {
			String item = List.copyOf(steps.keySet()).get(rnd.nextInt(steps.size()));
			if (item.startsWith("project")) {
				continue;
			}
			exercise(v, item, itemName(item), null, start.plusDays(rnd.nextInt(690)),
					rnd.nextInt(30) == 0 ? "open" : "done", null, null);
		}
		reports(v);
	}

	private final java.util.Set<String> dead = new java.util.HashSet<>();

	/**
	 * Households that must not receive ordinary payments: too well off for dibao, or a
	 * cadre's.
	 */
	private final java.util.Set<String> excludedHouseholds = new java.util.HashSet<>();

	/**
	 * Village and lessee of every lease: income is matched by village and counterparty,
	 * so a lease whose rent goes missing must be its lessee's only one in the village.
	 */
	private final java.util.Set<String> lessees = new java.util.HashSet<>();

	/**
	 * People paid an ordinary subsidy, and their households: injected schemes pick
	 * others.
	 */
	private final java.util.Set<String> recipients = new java.util.HashSet<>();

	private final java.util.Set<String> recipientHouseholds = new java.util.HashSet<>();

	/**
	 * Households that own a costly car or have a public employee: never eligible for
	 * dibao.
	 */
	private final java.util.Set<String> wealthyHouseholds = new java.util.HashSet<>();

	private boolean eligible(String[] person) {
		return !excludedHouseholds.contains(person[1]) && !dead.contains(person[0]);
	}

	private String lease(Village v, String asset, String lessee, LocalDate from, BigDecimal rent, String award) {
		lessees.add(v.code + "/" + lessee);
		String contract = id('C');
		out.sheet("contracts.csv", null)
			.row(contract, v.code, "lease", asset, lessee, from.minusDays(20), from, from.plusYears(8).minusDays(1),
					rent.multiply(BigDecimal.valueOf(8)), rent, award, 2 + rnd.nextInt(3), null);
		return contract;
	}

	/**
	 * A project: contract, bill of quantities, payments; returns {project, contract,
	 * amount, contractor}.
	 */
	private String[] project(Village v, String contractor, double priceFactor, boolean overpay) {
		String project = id('J');
		LocalDate started = start.plusDays(30 + rnd.nextInt(560));
		int lines = 3 + rnd.nextInt(3);
		BigDecimal total = BigDecimal.ZERO;
		var items = out.sheet("project_items.csv", null);
		List<Object[]> rows = new ArrayList<>();
		for (int l = 1; l <= lines; l++) {
			String[] work = WORKS[rnd.nextInt(WORKS.length)];
			BigDecimal ref = reference(work[0], started);
			double f = priceFactor != 1.0 && l == 1 ? priceFactor : 0.9 + rnd.nextDouble() * 0.2;
			BigDecimal price = ref.multiply(BigDecimal.valueOf(f)).setScale(2, RoundingMode.HALF_UP);
			BigDecimal qty = BigDecimal.valueOf(20 + rnd.nextInt(400)).setScale(2, RoundingMode.HALF_UP);
			rows.add(new Object[] { project, l, work[0], work[2], work[1], qty, price });
			total = total.add(price.multiply(qty));
		}
		total = total.setScale(2, RoundingMode.HALF_UP);
		boolean major = total.compareTo(BigDecimal.valueOf(400_000)) >= 0;
		String item = major ? "project_major" : "project_small";
		String exercise = exercise(v, item, v.name + "村道提升工程", total, started.minusDays(40), "done", null, null);
		String contract = id('C');
		out.sheet("contracts.csv", null)
			.row(contract, v.code, "construction", null, contractor, started.minusDays(5), started,
					started.plusDays(150), total, null, major ? "open_tender" : "negotiated", major ? 3 : 1, exercise);
		String[] kinds = { "road", "water", "irrigation", "landscape" };
		out.sheet("projects.csv", null)
			.row(project, v.code, v.name + "基础设施工程" + project.substring(5), kinds[rnd.nextInt(4)], total, contract,
					contractor, started, started.plusDays(140), 100, major, v.code);
		for (Object[] r : rows) {
			items.row(r);
		}
		BigDecimal paid = BigDecimal.ZERO;
		BigDecimal[] parts = overpay ? new BigDecimal[] { pct(total, 60), pct(total, 40), pct(total, 25) }
				: new BigDecimal[] { pct(total, 60), pct(total, 35) };
		LocalDate day = started.plusDays(30);
		for (BigDecimal part : parts) {
			String vch = voucher(v, day, "expense", part, "bank", contractor, null, "construction", "工程进度款", invoice(),
					project, null);
			if (overpay) {
				lastOverpay.add(vch);
			}
			paid = paid.add(part);
			// 50 days apart: three installments never fall within one 90-day window
			day = day.plusDays(50);
		}
		return new String[] { project, contract, total.toString(), contractor, rows.get(0)[0] + "#1" };
	}

	private final List<String> lastOverpay = new ArrayList<>();

	private static BigDecimal pct(BigDecimal total, int pct) {
		return total.multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	private String voucher(Village v, LocalDate day, String direction, BigDecimal amount, String method, String party,
			String partyName, String category, String summary, String invoice, String project, String exercise) {
		String id = id('V');
		LocalDate disclosed = YearMonth.from(day).plusMonths(1).atDay(3 + rnd.nextInt(7));
		out.sheet("vouchers.csv", null)
			.row(id, v.code, day, direction, amount, method, party, partyName, category, summary, invoice,
					v.director + ";" + v.secretary, project, exercise, disclosed);
		return id;
	}

	/**
	 * A use of power following its flow; {@code skip} leaves out a step,
	 * {@code shortStep} shortens a disclosure.
	 */
	private String exercise(Village v, String item, String title, BigDecimal amount, LocalDate started, String status,
			String skip, String shortStep) {
		String id = id('E');
		String initiator = v.director;
		out.sheet("power_exercises.csv", null).row(id, item, v.code, title, initiator, amount, started, status);
		Map<String, LocalDate> dates = new HashMap<>();
		List<String[]> flow = steps.get(item);
		int stop = status.equals("open") ? Math.max(1, flow.size() / 2) : flow.size();
		for (int i = 0; i < stop; i++) {
			String[] s = flow.get(i);
			LocalDate day = started;
			for (String p : s[5].isEmpty() ? new String[0] : s[5].split(";")) {
				String[] pred = flow.stream().filter(x -> x[1].equals(p)).findFirst().orElseThrow();
				LocalDate pd = dates.get(p);
				if (pd == null) {
					continue;
				}
				int min = pred[6].isEmpty() ? 1 : Integer.parseInt(pred[6]);
				int gap = p.equals(shortStep) ? Math.max(1, min - 2) : min + rnd
					.nextInt(pred[7].isEmpty() ? 6 : Math.max(1, Math.min(6, Integer.parseInt(pred[7]) - min)));
				if (day.isBefore(pd.plusDays(gap))) {
					day = pd.plusDays(gap);
				}
			}
			if (s[1].equals(skip) || (s[9].equals("true") && rnd.nextBoolean())) {
				continue;
			}
			dates.put(s[1], day);
			out.sheet("exercise_events.csv", null)
				.row(id, s[1], day, initiator, "会议记录" + day.toString().replace("-", "") + ".pdf", s[3] + "完成");
		}
		return id;
	}

	private void reports(Village v) {
		var reports = out.sheet("reports.csv", null);
		var cases = out.sheet("cases.csv", null);
		String[] channels = { "visit", "letter", "phone", "web", "wechat", "info_officer" };
		int n = 2 + rnd.nextInt(4);
		for (int i = 0; i < n; i++) {
			String id = id('R');
			boolean anonymous = rnd.nextInt(3) == 0;
			boolean accusation = rnd.nextBoolean();
			LocalDate received = start.plusDays(rnd.nextInt(700));
			String subject = accusation ? v.director : null;
			reports.row(id, received, channels[rnd.nextInt(channels.length)], accusation ? "accusation" : "suggestion",
					anonymous, anonymous ? null : v.people.get(40 + rnd.nextInt(v.people.size() - 40))[0], subject,
					v.code, v.township, accusation,
					accusation ? "反映" + v.name + "村务公开不及时，请求核实。" : "建议" + v.name + "增设路灯。", null,
					received.plusDays(20 + rnd.nextInt(40)), rnd.nextInt(5) > 0);
			if (accusation && rnd.nextInt(4) == 0) {
				cases.row(id('K'), id, received.plusDays(15), v.township, true, rnd.nextInt(4) == 0, subject, "违反群众纪律",
						"criticism", money(rnd.nextInt(20000)), received.plusDays(90));
			}
		}
	}

	// ---- injected schemes
	// ---------------------------------------------------------------------------------

	private void injectTownship(List<Village> villages, List<String> orgs, List<String[]> leases) {
		Village a = villages.get(0);
		Village b = villages.get(villages.size() > 1 ? 1 : 0);
		var subsidies = out.sheet("subsidies.csv", null);
		var persons = out.sheet("persons.csv", null);
		var kinSheet = out.sheet("kin.csv", null);
		// fake_subsidy: one identity under two person rows, paid by one program in two
		// villages in one month
		{
			LocalDate birth = LocalDate.of(1950 + rnd.nextInt(10), 3, 9);
			String idNo = idNumber(birth, true);
			String nm = name();
			String p1 = id('P');
			String p2 = id('P');
			persons.row(p1, idNo, nm, "m", birth, id('H'), a.code, null);
			persons.row(p2, idNo, nm, "m", birth, id('H'), b.code, null);
			YearMonth m = YearMonth.of(2020, 1 + rnd.nextInt(11));
			String s1 = id('S');
			String s2 = id('S');
			BigDecimal amt = money(300 + rnd.nextInt(200));
			subsidies.row(s1, "elderly", p1, a.code, m, amt, m.atDay(18));
			subsidies.row(s2, "elderly", p2, b.code, m, amt, m.atDay(18));
			label("fake_subsidy", p2, b.code, amt, "subsidies.csv", s1, s2);
		}
		// kin_subsidy: a cadre's near kin paid a subsidy; the tie is a declared spouse, a
		// relative living in the
		// same household with no declared tie, or the cadre's own second person row
		{
			int variant = rnd.nextInt(3);
			String cadre = variant == 2 ? a.director : a.secretary;
			String recipient;
			if (variant == 0) {
				recipient = a.people.stream()
					.filter(p -> p[1].equals(household(a, cadre)) && !p[0].equals(cadre))
					.map(p -> p[0])
					.findFirst()
					.orElseThrow();
			}
			else if (variant == 1) {
				recipient = person(persons, a.code, household(a, cadre), 1938 + rnd.nextInt(8));
			}
			else {
				String twin = id('P');
				String[] row = twinOf(cadre);
				persons.row(twin, row[0], row[1], row[2], row[3], id('H'), a.code, null);
				recipient = twin;
			}
			List<String> ids = new ArrayList<>();
			BigDecimal amt = money(600 + rnd.nextInt(400));
			String program = variant == 1 ? "elderly" : "tekun";
			for (int mo = 1; mo <= 3; mo++) {
				String s = id('S');
				subsidies.row(s, program, recipient, a.code, YearMonth.of(2020, mo), amt, LocalDate.of(2020, mo, 18));
				ids.add(s);
			}
			label("kin_subsidy", cadre, a.code, amt.multiply(BigDecimal.valueOf(3)), "subsidies.csv",
					ids.toArray(String[]::new));
		}
		// dead_recipient: payments go on after the death month; the death may be recorded
		// under a twin person row
		{
			String[] p = unpaid(b, 1);
			LocalDate died = LocalDate.of(2019, 10, 1 + rnd.nextInt(27));
			String deathRow = p[0];
			if (rnd.nextBoolean()) {
				String[] row = twinOf(p[0]);
				deathRow = id('P');
				persons.row(deathRow, row[0], row[1], row[2], row[3], p[1], b.code, null);
			}
			out.sheet("deaths.csv", null).row(deathRow, died);
			List<String> ids = new ArrayList<>();
			BigDecimal amt = money(520);
			for (int mo = 9; mo <= 12; mo++) {
				String s = id('S');
				subsidies.row(s, "disability", p[0], b.code, YearMonth.of(2019, mo), amt, LocalDate.of(2019, mo, 18));
				if (mo > 10) {
					ids.add(s);
				}
			}
			label("dead_recipient", p[0], b.code, amt.multiply(BigDecimal.valueOf(ids.size())), "subsidies.csv",
					ids.toArray(String[]::new));
		}
		// ineligible_dibao: the household has a car worth 50,000 or more, a public
		// employee, a legal representative,
		// or two properties, by the day of payment
		{
			String[] p = unpaid(a, 2);
			String member = person(persons, a.code, p[1], 1975 + rnd.nextInt(20));
			switch (rnd.nextInt(4)) {
				case 0 -> out.sheet("vehicles.csv", null)
					.row(member, "浙D" + id('V').substring(1, 6), "2018-05-01", money(50000 + rnd.nextInt(3) * 40000));
				case 1 -> out.sheet("public_employees.csv", null).row(member, "嵊州市人民医院", "2015-08-01", null);
				case 2 -> {
					String org = id('O');
					out.sheet("organizations.csv", null)
						.row(org, "嵊州" + name().substring(1) + "农业开发有限公司", creditCode(), member, a.township,
								"2017-04-04");
					out.sheet("org_people.csv", null).row(org, member, "legal_rep");
				}
				default -> out.sheet("properties.csv", null)
					.row(member, "嵊州市城关镇新区" + (rnd.nextInt(900) + 1) + "号", money(120), "2016-06-01");
			}
			List<String> ids = new ArrayList<>();
			BigDecimal amt = money(850);
			for (int mo = 4; mo <= 6; mo++) {
				String s = id('S');
				subsidies.row(s, "dibao", p[0], a.code, YearMonth.of(2020, mo), amt, LocalDate.of(2020, mo, 18));
				ids.add(s);
			}
			label("ineligible_dibao", p[0], a.code, amt.multiply(BigDecimal.valueOf(3)), "subsidies.csv",
					ids.toArray(String[]::new));
		}
		// inflated_unit_price: the first line priced well over the reference
		{
			String[] pr = project(b, orgs.get(0), 1.35 + rnd.nextInt(40) / 100.0, false);
			label("inflated_unit_price", pr[3], b.code, null, "project_items.csv", pr[4]);
		}
		// inflated_quantity: payments well beyond the contract without a change order
		{
			lastOverpay.clear();
			String[] pr = project(a, orgs.get(1), 1.0, true);
			label("inflated_quantity", pr[3], a.code, pct(new BigDecimal(pr[2]), 25), "vouchers.csv",
					lastOverpay.toArray(String[]::new));
		}
		// split_award: procurement contracts, or payments, to one firm within 90 days,
		// each under the threshold
		{
			List<String> ids = new ArrayList<>();
			LocalDate day = LocalDate.of(2020, 4, 1 + rnd.nextInt(20));
			BigDecimal sum = BigDecimal.ZERO;
			boolean payments = rnd.nextBoolean();
			int n = 2 + rnd.nextInt(2);
			for (int i = 0; i < n; i++) {
				BigDecimal amt = money(60000 + rnd.nextInt(39000));
				if (payments) {
					ids.add(voucher(b, day, "expense", amt, "bank", orgs.get(2), null, "procurement", "物资采购款",
							invoice(), null, null));
				}
				else {
					String c = id('C');
					out.sheet("contracts.csv", null)
						.row(c, b.code, "procurement", null, orgs.get(2), day, day, day.plusDays(60), amt, null,
								"negotiated", 1, null);
					ids.add(c);
				}
				sum = sum.add(amt);
				day = day.plusDays(90 / n);
			}
			label("split_award", orgs.get(2), b.code, sum, payments ? "vouchers.csv" : "contracts.csv",
					ids.toArray(String[]::new));
		}
		// kin_contractor: a firm run by a cadre's child (declared) or owned by a relative
		// living in the cadre's household
		{
			boolean declared = rnd.nextBoolean();
			String relative = person(persons, declared ? a.township : a.code,
					declared ? null : household(a, a.director), 1990);
			if (declared) {
				kinSheet.row(a.director, relative, "child", "declared");
			}
			String org = id('O');
			String rep = declared ? relative : person(persons, a.township, null, 1970);
			out.sheet("organizations.csv", null)
				.row(org, "嵊州" + name().substring(1) + "建筑工程有限公司", creditCode(), rep, a.township, "2016-02-02");
			out.sheet("org_people.csv", null).row(org, relative, declared ? "legal_rep" : "shareholder");
			String[] pr = project(a, org, 1.0, false);
			label("kin_contractor", a.director, a.code, new BigDecimal(pr[2]), "contracts.csv", pr[1]);
		}
		// cash_skimming: the 2020 rent of a lease never reaches the books, or only 75% of
		// it
		{
			String lessee = freshLessee(b);
			String asset = id('A');
			out.sheet("assets.csv", null).row(asset, b.code, "pond", b.name + "山塘", money(40), money(80000));
			BigDecimal rent = money(40 * 600);
			String c = lease(b, asset, lessee, LocalDate.of(2019, 1, 1), rent, "open_tender");
			leases.add(new String[] { c, "pond", "40.00", rent.toString(), b.code, lessee });
			voucher(b, LocalDate.of(2019, 1, 10), "income", rent, "bank", lessee, null, "lease_income", "山塘租金", null,
					null, null);
			if (rnd.nextBoolean()) {
				voucher(b, LocalDate.of(2020, 1, 12), "income", pct(rent, 75), "bank", lessee, null, "lease_income",
						"山塘租金", null, null, null);
			}
			label("cash_skimming", b.accountant, b.code, rent, "contracts.csv", c);
		}
		// white_slip: an expense of 1,000 or more (sometimes exactly 1,000.00) without an
		// invoice
		{
			BigDecimal amt = rnd.nextBoolean() ? money(1000) : money(3000 + rnd.nextInt(4000));
			String vch = voucher(a, LocalDate.of(2020, 6, 11), "expense", amt, "bank", null, "某饭店", "hospitality",
					"招待费", null, null, null);
			label("white_slip", a.director, a.code, null, "vouchers.csv", vch);
		}
		// step_skipped: a completed major decision without the members' review
		{
			String e = exercise(b, "major_decision", b.name + "集体资金使用决策", money(150000), LocalDate.of(2020, 3, 2),
					"done", "members_review", null);
			label("step_skipped", b.director, b.code, null, "power_exercises.csv", e);
		}
		// undisclosed: a resolution disclosed for too few days, or a voucher disclosed a
		// day late
		{
			if (rnd.nextBoolean()) {
				String e = exercise(a, "major_decision", a.name + "道路硬化决策", money(90000), LocalDate.of(2019, 8, 5),
						"done", null, "resolution_disclosure");
				label("undisclosed", a.director, a.code, null, "power_exercises.csv", e);
			}
			else {
				String vch = id('V');
				out.sheet("vouchers.csv", null)
					.row(vch, a.code, LocalDate.of(2020, 5, 20), "expense", money(2300), "bank", null, "文具店", "office",
							"办公用品", invoice(), a.director + ";" + a.secretary, null, null, LocalDate.of(2020, 6, 11));
				label("undisclosed", a.director, a.code, null, "vouchers.csv", vch);
			}
		}
		// cheap_lease: land let at a fifth of the going rent
		{
			String asset = id('A');
			BigDecimal area = money(100);
			out.sheet("assets.csv", null).row(asset, b.code, "land", b.name + "集体耕地", area, money(60000));
			String lessee = freshLessee(b);
			BigDecimal rent = money(unitRent("land") * 100 / 5);
			String c = lease(b, asset, lessee, LocalDate.of(2019, 3, 1), rent, "negotiated");
			voucher(b, LocalDate.of(2019, 3, 8), "income", rent, "bank", lessee, null, "lease_income", "耕地租金", null,
					null, null);
			voucher(b, LocalDate.of(2020, 3, 8), "income", rent, "bank", lessee, null, "lease_income", "耕地租金", null,
					null, null);
			label("cheap_lease", lessee, b.code, rent.multiply(BigDecimal.valueOf(4)), "contracts.csv", c);
		}
		// cash_payment: cash in a cashless village, sometimes exactly 1,000.00 on the
		// very first cashless day
		{
			Village c = villages.stream().filter(x -> x.cashless).findFirst().orElse(null);
			if (c != null) {
				boolean edge = rnd.nextBoolean();
				String vch = voucher(c, edge ? c.cashlessSince : LocalDate.of(2020, 9, 14), "expense",
						edge ? money(1000) : money(2000 + rnd.nextInt(5000)), "cash", null, "劳务队", "other", "现金支付劳务费",
						invoice(), null, null);
				label("cash_payment", c.director, c.code, null, "vouchers.csv", vch);
			}
		}
		lookAlikes(a, b, orgs);
	}

	/**
	 * Records that look like misconduct but are within the policy, so that a rule that
	 * fires on them is wrong: an expense of 999.99 without invoice, cash of 999.99 in a
	 * cashless village, a voucher disclosed on the 10th, two procurement awards 91 days
	 * apart, a subsidy for the month of death, a kin tie of type {@code other}.
	 */
	private void lookAlikes(Village a, Village b, List<String> orgs) {
		voucher(a, LocalDate.of(2019, 11, 4), "expense", money(999.99), "bank", null, "五金店", "office", "五金配件", null,
				null, null);
		Village cashless = a.cashless ? a : (b.cashless ? b : null);
		if (cashless != null) {
			voucher(cashless, LocalDate.of(2020, 2, 3), "expense", money(999.99), "cash", null, "零工", "other", "零星支出",
					invoice(), null, null);
		}
		String onTime = id('V');
		out.sheet("vouchers.csv", null)
			.row(onTime, b.code, LocalDate.of(2020, 7, 30), "expense", money(1800), "bank", null, "文具店", "office",
					"办公用品", invoice(), b.director + ";" + b.secretary, null, null, LocalDate.of(2020, 8, 10));
		LocalDate first = LocalDate.of(2019, 3, 4);
		for (LocalDate day : new LocalDate[] { first, first.plusDays(91) }) {
			out.sheet("contracts.csv", null)
				.row(id('C'), a.code, "service", null, orgs.get(3), day, day, day.plusDays(30), money(70000), null,
						"negotiated", 1, null);
		}
		String[] p = unpaid(b, 3);
		out.sheet("deaths.csv", null).row(p[0], LocalDate.of(2020, 5, 28));
		for (int mo = 3; mo <= 5; mo++) {
			out.sheet("subsidies.csv", null)
				.row(id('S'), "elderly", p[0], b.code, YearMonth.of(2020, mo), money(200), LocalDate.of(2020, mo, 18));
		}
		String cousin = person(out.sheet("persons.csv", null), a.code, null, 1960);
		out.sheet("kin.csv", null).row(a.secretary, cousin, "other", "declared");
		for (int mo = 1; mo <= 2; mo++) {
			out.sheet("subsidies.csv", null)
				.row(id('S'), "dibao", cousin, a.code, YearMonth.of(2020, mo), money(800), LocalDate.of(2020, mo, 18));
		}
	}

	/**
	 * The identity fields of a person written earlier: id number, name, gender, birth
	 * date.
	 */
	private String[] twinOf(String personId) {
		String[] row = identities.get(personId);
		if (row == null) {
			throw new IllegalStateException("unknown person " + personId);
		}
		return row;
	}

	/** A villager who leases nothing in the village yet. */
	private String freshLessee(Village v) {
		return v.people.stream()
			.map(p -> p[0])
			.filter(p -> !lessees.contains(v.code + "/" + p))
			.skip(35)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The n-th person from the end of the village whose household receives no ordinary
	 * subsidy.
	 */
	private String[] unpaid(Village v, int n) {
		int seen = 0;
		for (int i = v.people.size() - 1; i >= 0; i--) {
			String[] p = v.people.get(i);
			if (!recipientHouseholds.contains(p[1]) && !excludedHouseholds.contains(p[1]) && ++seen == n) {
				recipientHouseholds.add(p[1]);
				return p;
			}
		}
		throw new IllegalStateException("no household without subsidies in " + v.name);
	}

	private String household(Village v, String person) {
		return v.people.stream().filter(p -> p[0].equals(person)).map(p -> p[1]).findFirst().orElse("");
	}

	private void label(String scheme, String subject, String region, BigDecimal amount, String file,
			String... records) {
		String id = id('L');
		schemeCount.merge(scheme, 1, Integer::sum);
		out.sheet("labels/schemes.csv", null).row(id, scheme, subject, region, amount);
		for (String r : records) {
			out.sheet("labels/scheme_records.csv", null).row(id, file, r);
		}
	}

	Map<String, Integer> schemeCount() {
		return schemeCount;
	}

	// ---- prices and catalogue
	// -----------------------------------------------------------------------------

	private final Map<String, BigDecimal> prices = new HashMap<>();

	private void referencePrices() {
		if (!prices.isEmpty()) {
			return;
		}
		var sheet = out.sheet("reference_prices.csv", null);
		for (String[] w : WORKS) {
			double base = Double.parseDouble(w[3]);
			for (int y = YEAR_FROM; y < YEAR_FROM + YEARS; y++) {
				for (int q = 1; q <= 4; q++) {
					BigDecimal p = BigDecimal.valueOf(base * (1 + 0.01 * ((y - YEAR_FROM) * 4 + q)))
						.setScale(2, RoundingMode.HALF_UP);
					String period = y + "-Q" + q;
					prices.put(w[0] + "/" + period, p);
					sheet.row(w[0], w[1], period, p, COUNTY + "000000");
				}
			}
		}
	}

	private BigDecimal reference(String work, LocalDate day) {
		return prices.get(work + "/" + day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
	}

	private void loadCatalogue() throws IOException {
		try (BufferedReader r = resource("power_steps.csv")) {
			r.readLine();
			String line;
			while ((line = r.readLine()) != null) {
				String[] f = line.split(",", -1);
				steps.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
			}
		}
		try (BufferedReader r = resource("power_items.csv")) {
			r.readLine();
			String line;
			while ((line = r.readLine()) != null) {
				String[] f = line.split(",", -1);
				itemNames.put(f[0], f[2]);
			}
		}
	}

	private final Map<String, String> itemNames = new HashMap<>();

	private String itemName(String item) {
		return itemNames.getOrDefault(item, item);
	}

	private void copyCatalogue(BundleWriter w) throws IOException {
		for (String file : CATALOGUE) {
			try (BufferedReader r = resource(file)) {
				var sheet = w.sheet(file, r.readLine());
				String line;
				while ((line = r.readLine()) != null) {
					sheet.row((Object[]) splitCsv(line));
				}
			}
		}
	}

	private static String[] splitCsv(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean q = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (q) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					f.append('"');
					i++;
				}
				else if (c == '"') {
					q = false;
				}
				else {
					f.append(c);
				}
			}
			else if (c == '"') {
				q = true;
			}
			else if (c == ',') {
				out.add(f.isEmpty() ? null : f.toString());
				f.setLength(0);
			}
			else {
				f.append(c);
			}
		}
		out.add(f.isEmpty() ? null : f.toString());
		return out.toArray(String[]::new);
	}

	private static BufferedReader resource(String file) {
		InputStream in = CountyGenerator.class.getResourceAsStream("/catalogue/" + file);
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
	}

	// ---- small things
	// -------------------------------------------------------------------------------------

	private String coord(double base) {
		return BigDecimal.valueOf(base + rnd.nextDouble() * 0.4).setScale(4, RoundingMode.HALF_UP).toPlainString();
	}

	private static BigDecimal money(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
	}

	private String invoice() {
		return String.valueOf(10_000_000 + rnd.nextInt(89_999_999));
	}

	private static double unitRent(String kind) {
		return switch (kind) {
			case "building" -> 60;
			case "land" -> 700;
			case "pond" -> 600;
			default -> 120;
		};
	}

	private static String assetName(String kind) {
		return switch (kind) {
			case "building" -> "村办公楼出租房";
			case "land" -> "集体耕地";
			case "pond" -> "山塘";
			default -> "集体山林";
		};
	}

	private static String summary(String category) {
		return switch (category) {
			case "office" -> "办公用品";
			case "labor" -> "保洁员报酬";
			case "travel" -> "差旅费";
			case "hospitality" -> "公务接待";
			default -> "其他支出";
		};
	}

}
