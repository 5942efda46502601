package org.qinglian.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.qinglian.platform.Command;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.stereotype.Component;

/**
 * The {@code demo} command: generates a synthetic county as a QDX bundle and (unless
 * {@code --no-load}) loads it and creates the demo accounts.
 */
@Component
class DemoCounty implements Command {

	/**
	 * The password of every demo account; printed at start, for trying the platform out
	 * only.
	 */
	static final String DEMO_PASSWORD = "qinglian-demo";

	private final Exchange exchange;

	private final UserAccounts users;

	private final List<org.qinglian.platform.ExchangeFile> files;

	DemoCounty(Exchange exchange, UserAccounts users, List<org.qinglian.platform.ExchangeFile> files) {
		this.files = files;
		this.exchange = exchange;
		this.users = users;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return "[--townships N] [--villages M] [--seed S] [--out DIR] [--no-load]   generate a synthetic county (and load it)";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
		int townships = 2;
		int villages = 8;
		long seed = 1;
		Path dir = Path.of("data/demo-bundle");
		boolean load = true;
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			try {
				switch (a) {
					case "--townships" -> townships = Integer.parseInt(args.get(++i));
					case "--villages" -> villages = Integer.parseInt(args.get(++i));
					case "--seed" -> seed = Long.parseLong(args.get(++i));
					case "--out" -> dir = Path.of(args.get(++i));
					case "--no-load" -> load = false;
					default -> {
						err.println("Unknown option " + a + ". Usage: demo " + usage());
						return 2;
					}
				}
			}
			catch (IndexOutOfBoundsException | NumberFormatException ex) {
				err.println("Option " + a + " needs a number. Usage: demo " + usage());
				return 2;
			}
		}
		if (townships < 1 || townships > 899 || villages < 1 || villages > 799) {
			err.println("--townships must be 1..899 and --villages 1..799");
			return 2;
		}
		CountyGenerator generator = new CountyGenerator(new CountyGenerator.Size(townships, villages, seed), files);
		long rows = generator.write(dir);
		out.printf("Generated %d townships x %d villages (seed %d): %,d rows in %s; injected schemes %s%n", townships,
				villages, seed, rows, dir, generator.schemeCount());
		if (!load) {
			return 0;
		}
		Exchange.ImportReport report = exchange.importBundle(dir, Exchange.Progress.NONE);
		out.printf("Loaded %,d rows (%,d changed) in %.1f s%n", report.rowsRead(), report.rowsChanged(),
				report.millis() / 1000.0);
		exchange.awaitFollowUps(java.time.Duration.ofMinutes(30));
		createAccounts(out);
		return 0;
	}

	/** Generates the default demo county, loads it and creates the demo accounts. */
	void loadDefault(PrintStream out) throws IOException {
		run(List.of(), out, System.err);
	}

	void createAccounts(PrintStream out) {
		String county = CountyGenerator.COUNTY + "000000";
		String township = CountyGenerator.COUNTY + "101000";
		String village = CountyGenerator.COUNTY + "101201";
		String otherTownship = CountyGenerator.COUNTY + "102000";
		Map<String, NewUser> accounts = new java.util.LinkedHashMap<>();
		accounts.put("admin", new NewUser("admin", "管理员", DEMO_PASSWORD, Role.COUNTY_ADMIN, county));
		accounts.put("county", new NewUser("county", "市纪委监委", DEMO_PASSWORD, Role.COUNTY_STAFF, county));
		accounts.put("township", new NewUser("township", "甘霖镇监察办", DEMO_PASSWORD, Role.TOWNSHIP_STAFF, township));
		accounts.put("township2",
				new NewUser("township2", "长乐镇监察办", DEMO_PASSWORD, Role.TOWNSHIP_STAFF, otherTownship));
		accounts.put("monitor", new NewUser("monitor", "村监委", DEMO_PASSWORD, Role.VILLAGE_MONITOR, village));
		accounts.put("cadre", new NewUser("cadre", "村干部", DEMO_PASSWORD, Role.VILLAGE_CADRE, village));
		accounts.put("custodian", new NewUser("custodian", "代理记账", DEMO_PASSWORD, Role.CUSTODIAN, township));
		accounts.put("auditor", new NewUser("auditor", "审计", DEMO_PASSWORD, Role.AUDITOR, county));
		for (NewUser u : accounts.values()) {
			try {
				users.save(u);
			}
			catch (IllegalArgumentException ex) {
				out.println("Demo account " + u.username() + " not created: " + ex.getMessage());
			}
		}
		out.println("Demo accounts (password " + DEMO_PASSWORD + "): " + String.join(", ", accounts.keySet()));
	}

}
