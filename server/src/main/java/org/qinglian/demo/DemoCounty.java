package org.qinglian.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.security.SecureRandom;
import java.time.Duration;

import org.qinglian.platform.Command;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.platform.Installation;
import org.qinglian.platform.OwnerOnlyFiles;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;

import org.springframework.stereotype.Component;

/**
 * The {@code demo} command: generates a synthetic county as a QDX bundle and (unless
 * {@code --no-load}) loads it and creates the demo accounts, with one random password
 * made for this installation, printed once and written owner-only to
 * {@code data/demo-accounts.txt}. A database holding data the generator did not make is
 * refused, and existing accounts are never touched.
 */
@Component
class DemoCounty implements Command {

	static final String FACT = "demo_county";

	static final List<String> ACCOUNTS = List.of("admin", "county", "township", "township2", "monitor", "cadre",
			"custodian", "auditor");

	private final Exchange exchange;

	private final Registry registry;

	private final UserAccounts users;

	private final List<ExchangeFile> files;

	private final Installation installation;

	private final Path accountsFile;

	DemoCounty(Exchange exchange, UserAccounts users, Registry registry, List<ExchangeFile> files,
			Installation installation, DemoSettings settings) {
		this.registry = registry;
		this.files = files;
		this.exchange = exchange;
		this.users = users;
		this.installation = installation;
		this.accountsFile = settings.accountsFile();
	}

	@CommandLine.Command(name = "demo",
			description = "Generates a synthetic county in the QDX format and loads it, with the demo accounts.")
	static final class Options {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Option(names = "--townships", defaultValue = "2", description = "townships, 1 to 899")
		int townships;

		@CommandLine.Option(names = "--villages", defaultValue = "8", description = "villages per township, 1 to 799")
		int villages;

		@CommandLine.Option(names = "--seed", defaultValue = "1", description = "the same seed, the same county")
		long seed;

		@CommandLine.Option(names = "--county", defaultValue = CountyGenerator.COUNTY,
				description = "the county code, six digits (with --no-load: a bundle of another county)")
		String county;

		@CommandLine.Option(names = "--out", defaultValue = "data/demo-bundle", description = "where the bundle goes")
		Path out;

		@CommandLine.Option(names = "--no-load", description = "write the bundle only")
		boolean noLoad;

	}

	private static int within(String option, int value, int min, int max) {
		if (value < min || value > max) {
			throw new UsageException(option + " must be from " + min + " to " + max + ", not " + value);
		}
		return value;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return "[--townships N] [--villages M] [--seed S] [--county CODE] [--out DIR] [--no-load]   generate a synthetic county (and load it)";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
		Options o = CommandOptions.parse(new Options(), args);
		int townships = within("--townships", o.townships, 1, 899);
		int villages = within("--villages", o.villages, 1, 799);
		long seed = o.seed;
		Path dir = o.out;
		boolean load = !o.noLoad;
		if (!o.county.matches("[1-9]\\d{5}")) {
			err.println("--county " + o.county + " is not a county code (six digits)");
			return 2;
		}
		if (load && !o.county.equals(CountyGenerator.COUNTY)) {
			err.println("--county " + o.county + " needs --no-load: the demo accounts are of county "
					+ CountyGenerator.COUNTY);
			return 2;
		}
		if (load && installation.holdsData() && installation.fact(FACT).isEmpty()) {
			err.println("This database holds data that the demo generator did not make: demo loads into an empty "
					+ "one only (give --no-load to write the bundle alone)");
			return 1;
		}
		CountyGenerator generator = new CountyGenerator(new CountyGenerator.Size(townships, villages, seed, o.county),
				files);
		long rows = generator.write(dir);
		out.printf("Generated %d townships x %d villages (seed %d): %,d rows in %s; injected schemes %s%n", townships,
				villages, seed, rows, dir, generator.schemeCount());
		if (!load) {
			return 0;
		}
		installation.recordFact(FACT, "seed " + seed);
		Exchange.ImportReport report = exchange.importBundle(dir, Exchange.Progress.NONE);
		out.printf("Loaded %,d rows (%,d changed) in %.1f s%n", report.rowsRead(), report.rowsChanged(),
				report.millis() / 1000.0);
		exchange.awaitFollowUps(Duration.ofMinutes(30));
		createAccounts(out);
		return 0;
	}

	/** Generates the default demo county, loads it and creates the demo accounts. */
	void loadDefault(PrintStream out) throws IOException {
		run(List.of(), out, System.err);
	}

	void createAccounts(PrintStream out) throws IOException {
		List<String> existing = ACCOUNTS.stream().filter(users::exists).toList();
		if (!existing.isEmpty()) {
			out.println("Demo accounts exist already (" + String.join(", ", existing) + "): unchanged; their password "
					+ "is in " + accountsFile);
			return;
		}
		String county = CountyGenerator.COUNTY + "000000";
		String township = CountyGenerator.COUNTY + "101000";
		String village = CountyGenerator.COUNTY + "101201";
		String otherTownship = CountyGenerator.COUNTY + "102000";
		String password = randomPassword();
		List<NewUser> all = List.of(new NewUser("admin", "管理员", password, Role.COUNTY_ADMIN, county),
				new NewUser("county", "市纪委监委", password, Role.COUNTY_STAFF, county),
				new NewUser("township", "甘霖镇监察办", password, Role.TOWNSHIP_STAFF, township),
				new NewUser("township2", "长乐镇监察办", password, Role.TOWNSHIP_STAFF, otherTownship),
				new NewUser("monitor", "村监委", password, Role.VILLAGE_MONITOR, village),
				new NewUser("cadre", "村干部", password, Role.VILLAGE_CADRE, village),
				new NewUser("custodian", "代理记账", password, Role.CUSTODIAN, township),
				new NewUser("auditor", "审计", password, Role.AUDITOR, county));
		if (registry.regionName(county).isEmpty()) {
			throw new IllegalStateException("The demo county " + county + " is not loaded: no demo accounts made");
		}
		// a county of one township has no second township's office
		List<NewUser> accounts = all.stream().filter(u -> registry.regionName(u.regionCode()).isPresent()).toList();
		all.stream()
			.filter(u -> !accounts.contains(u))
			.forEach(u -> out
				.println("No demo account " + u.username() + ": the county has no region " + u.regionCode()));
		List<String> names = accounts.stream().map(NewUser::username).toList();
		for (NewUser u : accounts) {
			users.create(u);
		}
		OwnerOnlyFiles.writeString(accountsFile,
				"# Qinglian demo accounts of this installation (keep this file private)\n" + "accounts: "
						+ String.join(", ", names) + "\npassword: " + password + "\n");
		out.println("Demo accounts: " + String.join(", ", names) + ", all with the password " + password
				+ " (made for this installation; also in " + accountsFile + ")");
	}

	/** Four groups of four random letters and digits: about 80 bits. */
	static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			if (group > 0) {
				sb.append('-');
			}
			for (int i = 0; i < 4; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		// a digit for sure, so that every policy counts three kinds
		sb.setCharAt(1, (char) ('2' + random.nextInt(8)));
		return sb.toString();
	}

}
