package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;
import static org.qinglian.demo.Generation.pct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.demo.GeneratorCatalogue.FlowStep;
import org.qinglian.demo.Village.Villager;

/**
 * A village's ordinary books for the data period, kept clear of every scheme's pattern
 * (invoices on large expenses, no cash in a cashless village, prices near the reference,
 * disclosure in time): subsidies paid monthly (stopping at a death), running costs and
 * allocations, assets let with their rent booked, projects with contracts, bills of
 * quantities and payments, uses of power by the catalogue's flows, reports and cases. The
 * schemes use the same pieces ({@link #voucher}, {@link #project}, {@link #exercise}...)
 * bent one way.
 */
final class VillageBooks {

	static final int YEAR_FROM = 2019;

	static final int YEARS = 2;

	static final LocalDate START = LocalDate.of(YEAR_FROM, 1, 1);

	static final LocalDate END = LocalDate.of(YEAR_FROM + YEARS - 1, 12, 31);

	/** A kind of work with its unit, its name and the county's base price. */
	record Work(String code, String unit, String name, double basePrice) {
	}

	static final List<Work> WORKS = List.of(new Work("concrete_c25", "m3", "C25混凝土浇筑", 520),
			new Work("asphalt_surface_5cm", "m2", "5cm沥青面层", 68), new Work("pipe_dn110", "m", "DN110给水管", 86),
			new Work("earthwork_excavation", "m3", "土方开挖", 18), new Work("masonry_retaining_wall", "m3", "浆砌块石挡墙", 410),
			new Work("curb_stone", "m", "路缘石安装", 55), new Work("street_lamp", "set", "太阳能路灯", 2600),
			new Work("greening", "m2", "绿化种植", 45));

	/**
	 * A project as written.
	 *
	 * @param firstItem the record id of its first line in the bill of quantities
	 */
	record Project(String id, String contract, BigDecimal total, String contractor, String firstItem) {
	}

	private final Generation g;

	private final GeneratorCatalogue catalogue;

	private final Map<String, BigDecimal> prices = new HashMap<>();

	VillageBooks(Generation g, GeneratorCatalogue catalogue) {
		this.g = g;
		this.catalogue = catalogue;
	}

	/** The county's reference prices (信息价) of each work, by quarter. */
	void referencePrices() {
		var sheet = g.sheet("reference_prices.csv");
		for (Work w : WORKS) {
			for (int y = YEAR_FROM; y < YEAR_FROM + YEARS; y++) {
				for (int q = 1; q <= 4; q++) {
					BigDecimal p = BigDecimal.valueOf(w.basePrice() * (1 + 0.01 * ((y - YEAR_FROM) * 4 + q)))
						.setScale(2, RoundingMode.HALF_UP);
					String period = y + "-Q" + q;
					prices.put(w.code() + "/" + period, p);
					sheet.row(w.code(), w.unit(), period, p, g.county + "000000");
				}
			}
		}
	}

	private BigDecimal reference(String work, LocalDate day) {
		return prices.get(work + "/" + day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
	}

	/**
	 * A village's books; the first two organizations are kept for the injected projects.
	 */
	void write(Village v, List<String> orgs, People people) {
		subsidies(v, people);
		runningCosts(v);
		leasedAssets(v);
		// each ordinary project of a village has its own contractor, so that no two small
		// awards to one firm add up over a tender threshold by chance
		List<String> contractors = new ArrayList<>(orgs.subList(2, orgs.size()));
		Collections.shuffle(contractors, g.rnd);
		int projects = 2 + g.rnd.nextInt(2);
		for (int p = 0; p < projects; p++) {
			project(v, contractors.get(p), 1.0, false);
		}
		// other uses of power, by the catalogue's flows
		List<String> items = catalogue.items();
		for (int e = 0; e < 25; e++) {
			String item = items.get(g.rnd.nextInt(items.size()));
			if (item.startsWith("project")) {
				continue;
			}
			exercise(v, item, catalogue.name(item), null, START.plusDays(g.rnd.nextInt(690)),
					g.rnd.nextInt(30) == 0 ? "open" : "done", null, null);
		}
		reports(v);
	}

	/**
	 * Livelihood payments: a few recipients per program, monthly; some die and payments
	 * stop.
	 */
	private void subsidies(Village v, People people) {
		for (String program : new String[] { "dibao", "tekun", "elderly", "disability" }) {
			int count = program.equals("elderly") ? 8 : 3;
			for (int r = 0; r < count; r++) {
				Villager p = v.people().get(20 + g.rnd.nextInt(v.people().size() - 20));
				if (!people.eligible(p) || g.recipients.contains(p.personId())) {
					continue;
				}
				g.recipients.add(p.personId());
				g.recipientHouseholds.add(p.household());
				YearMonth death = g.rnd.nextInt(12) == 0
						? YearMonth.of(2019, 1 + g.rnd.nextInt(12)).plusMonths(g.rnd.nextInt(10)) : null;
				if (death != null) {
					g.sheet("deaths.csv").row(p.personId(), death.atDay(1 + g.rnd.nextInt(27)));
					g.dead.add(p.personId());
				}
				BigDecimal amount = money(
						program.equals("dibao") ? 800 + g.rnd.nextInt(6) * 90 : 150 + g.rnd.nextInt(400));
				for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
					if (death != null && m.isAfter(death)) {
						break;
					}
					g.sheet("subsidies.csv").row(g.id('S'), program, p.personId(), v.code(), m, amount, m.atDay(18));
				}
			}
		}
	}

	/**
	 * Running costs with invoices on everything of 1,000 or more, paid by bank or phone;
	 * allocations.
	 */
	private void runningCosts(Village v) {
		String[] categories = { "office", "labor", "travel", "hospitality", "other" };
		for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
			int n = 4 + g.rnd.nextInt(6);
			for (int i = 0; i < n; i++) {
				String cat = categories[g.rnd.nextInt(categories.length)];
				BigDecimal amount = money(cat.equals("labor") ? 300 + g.rnd.nextInt(600) : 200 + g.rnd.nextInt(4000));
				String method = v.cashless() || amount.compareTo(BigDecimal.valueOf(900)) > 0
						? (g.rnd.nextBoolean() ? "bank" : "mobile") : (g.rnd.nextInt(4) == 0 ? "cash" : "bank");
				voucher(v, m.atDay(1 + g.rnd.nextInt(27)), "expense", amount, method, null, "办公用品商店", cat, summary(cat),
						g.invoice(), null, null);
			}
			voucher(v, m.atDay(5), "income", money(20000 + g.rnd.nextInt(30000)), "bank", null, "嵊州市财政局",
					"allocation_income", "上级转移支付", null, null, null);
		}
	}

	/**
	 * Four assets, each let by open tender with the year's rent booked from the lessee.
	 */
	private void leasedAssets(Village v) {
		String[] kinds = { "land", "pond", "forest", "building" };
		for (int a = 0; a < 4; a++) {
			String kind = kinds[a];
			String asset = g.id('A');
			BigDecimal area = money(kind.equals("building") ? 200 + g.rnd.nextInt(600) : 20 + g.rnd.nextInt(120));
			g.sheet("assets.csv")
				.row(asset, v.code(), kind, v.name() + assetName(kind) + (a + 1), area,
						money(50000 + g.rnd.nextInt(500000)));
			BigDecimal perUnit = BigDecimal.valueOf(unitRent(kind) * (0.85 + g.rnd.nextDouble() * 0.3));
			BigDecimal rent = area.multiply(perUnit).setScale(2, RoundingMode.HALF_UP);
			String lessee = v.people().get(30 + g.rnd.nextInt(v.people().size() - 30)).personId();
			LocalDate from = LocalDate.of(2016 + g.rnd.nextInt(3), 1 + g.rnd.nextInt(12), 1);
			lease(v, asset, lessee, from, rent, "open_tender");
			for (LocalDate due = from; !due.isAfter(END); due = due.plusYears(1)) {
				if (!due.isBefore(START)) {
					voucher(v, due.plusDays(g.rnd.nextInt(20)), "income", rent, "bank", lessee, null, "lease_income",
							assetName(kind) + "租金", null, null, null);
				}
			}
		}
	}

	/** A lease of eight years; returns the contract's id. */
	String lease(Village v, String asset, String lessee, LocalDate from, BigDecimal rent, String award) {
		g.lessees.add(v.code() + "/" + lessee);
		String contract = g.id('C');
		g.sheet("contracts.csv")
			.row(contract, v.code(), "lease", asset, lessee, from.minusDays(20), from, from.plusYears(8).minusDays(1),
					rent.multiply(BigDecimal.valueOf(8)), rent, award, 2 + g.rnd.nextInt(3), null);
		return contract;
	}

	/**
	 * A project: its use of power, contract, bill of quantities and payments. The first
	 * line is priced at {@code priceFactor} times the reference when that is not 1;
	 * {@code overpay} pays 125% of the contract (the vouchers in
	 * {@link Generation#lastOverpay}).
	 */
	Project project(Village v, String contractor, double priceFactor, boolean overpay) {
		String project = g.id('J');
		LocalDate started = START.plusDays(30 + g.rnd.nextInt(560));
		int lines = 3 + g.rnd.nextInt(3);
		BigDecimal total = BigDecimal.ZERO;
		List<Object[]> rows = new ArrayList<>();
		for (int l = 1; l <= lines; l++) {
			Work work = WORKS.get(g.rnd.nextInt(WORKS.size()));
			BigDecimal ref = reference(work.code(), started);
			double f = priceFactor != 1.0 && l == 1 ? priceFactor : 0.9 + g.rnd.nextDouble() * 0.2;
			BigDecimal price = ref.multiply(BigDecimal.valueOf(f)).setScale(2, RoundingMode.HALF_UP);
			BigDecimal qty = BigDecimal.valueOf(20 + g.rnd.nextInt(400)).setScale(2, RoundingMode.HALF_UP);
			rows.add(new Object[] { project, l, work.code(), work.name(), work.unit(), qty, price });
			total = total.add(price.multiply(qty));
		}
		total = total.setScale(2, RoundingMode.HALF_UP);
		boolean major = total.compareTo(BigDecimal.valueOf(400_000)) >= 0;
		String exercise = exercise(v, major ? "project_major" : "project_small", v.name() + "村道提升工程", total,
				started.minusDays(40), "done", null, null);
		String contract = g.id('C');
		g.sheet("contracts.csv")
			.row(contract, v.code(), "construction", null, contractor, started.minusDays(5), started,
					started.plusDays(150), total, null, major ? "open_tender" : "negotiated", major ? 3 : 1, exercise);
		String[] kinds = { "road", "water", "irrigation", "landscape" };
		g.sheet("projects.csv")
			.row(project, v.code(), v.name() + "基础设施工程" + project.substring(5), kinds[g.rnd.nextInt(4)], total,
					contract, contractor, started, started.plusDays(140), 100, major, v.code());
		for (Object[] r : rows) {
			g.sheet("project_items.csv").row(r);
		}
		BigDecimal[] parts = overpay ? new BigDecimal[] { pct(total, 60), pct(total, 40), pct(total, 25) }
				: new BigDecimal[] { pct(total, 60), pct(total, 35) };
		LocalDate day = started.plusDays(30);
		for (BigDecimal part : parts) {
			String vch = voucher(v, day, "expense", part, "bank", contractor, null, "construction", "工程进度款",
					g.invoice(), project, null);
			if (overpay) {
				g.lastOverpay.add(vch);
			}
			// 50 days apart: three installments never fall within one 90-day window
			day = day.plusDays(50);
		}
		return new Project(project, contract, total, contractor, project + "#1");
	}

	/**
	 * A voucher approved by the director and the secretary, disclosed in the next month
	 * by the 9th.
	 */
	String voucher(Village v, LocalDate day, String direction, BigDecimal amount, String method, String party,
			String partyName, String category, String summary, String invoice, String project, String exercise) {
		String id = g.id('V');
		LocalDate disclosed = YearMonth.from(day).plusMonths(1).atDay(3 + g.rnd.nextInt(7));
		g.sheet("vouchers.csv")
			.row(id, v.code(), day, direction, amount, method, party, partyName, category, summary, invoice,
					v.director() + ";" + v.secretary(), project, exercise, disclosed);
		return id;
	}

	/**
	 * A use of power following its flow; {@code skip} leaves out a step,
	 * {@code shortStep} shortens a disclosure.
	 */
	String exercise(Village v, String item, String title, BigDecimal amount, LocalDate started, String status,
			String skip, String shortStep) {
		String id = g.id('E');
		String initiator = v.director();
		g.sheet("power_exercises.csv").row(id, item, v.code(), title, initiator, amount, started, status);
		Map<String, LocalDate> dates = new HashMap<>();
		List<FlowStep> flow = catalogue.flow(item);
		int stop = status.equals("open") ? Math.max(1, flow.size() / 2) : flow.size();
		for (int i = 0; i < stop; i++) {
			FlowStep s = flow.get(i);
			LocalDate day = started;
			for (String p : s.after()) {
				FlowStep pred = flow.stream().filter(x -> x.code().equals(p)).findFirst().orElseThrow();
				LocalDate pd = dates.get(p);
				if (pd == null) {
					continue;
				}
				int min = pred.minDays() == null ? 1 : pred.minDays();
				int gap = p.equals(shortStep) ? Math.max(1, min - 2) : min
						+ g.rnd.nextInt(pred.maxDays() == null ? 6 : Math.max(1, Math.min(6, pred.maxDays() - min)));
				if (day.isBefore(pd.plusDays(gap))) {
					day = pd.plusDays(gap);
				}
			}
			if (s.code().equals(skip) || (s.optional() && g.rnd.nextBoolean())) {
				continue;
			}
			dates.put(s.code(), day);
			g.sheet("exercise_events.csv")
				.row(id, s.code(), day, initiator, "会议记录" + day.toString().replace("-", "") + ".pdf", s.name() + "完成");
		}
		return id;
	}

	/** A few reports of villagers, named or not; some accusations become cases. */
	private void reports(Village v) {
		String[] channels = { "visit", "letter", "phone", "web", "wechat", "info_officer" };
		int n = 2 + g.rnd.nextInt(4);
		for (int i = 0; i < n; i++) {
			String id = g.id('R');
			boolean anonymous = g.rnd.nextInt(3) == 0;
			boolean accusation = g.rnd.nextBoolean();
			LocalDate received = START.plusDays(g.rnd.nextInt(700));
			String subject = accusation ? v.director() : null;
			g.sheet("reports.csv")
				.row(id, received, channels[g.rnd.nextInt(channels.length)], accusation ? "accusation" : "suggestion",
						anonymous,
						anonymous ? null : v.people().get(40 + g.rnd.nextInt(v.people().size() - 40)).personId(),
						subject, v.code(), v.township(), accusation,
						accusation ? "反映" + v.name() + "村务公开不及时，请求核实。" : "建议" + v.name() + "增设路灯。", null,
						received.plusDays(20 + g.rnd.nextInt(40)), g.rnd.nextInt(5) > 0);
			if (accusation && g.rnd.nextInt(4) == 0) {
				g.sheet("cases.csv")
					.row(g.id('K'), id, received.plusDays(15), v.township(), true, g.rnd.nextInt(4) == 0, subject,
							"违反群众纪律", "criticism", money(g.rnd.nextInt(20000)), received.plusDays(90));
			}
		}
	}

	static double unitRent(String kind) {
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
