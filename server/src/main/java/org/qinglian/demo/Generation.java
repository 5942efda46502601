package org.qinglian.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.qinglian.platform.IdentityCodes;

/**
 * One run of the generator: its random numbers (one sequence for a seed, so that a county
 * is the same every time), the bundle being written, the ids handed out, and what the
 * parts must know of each other (who is dead, paid, excluded, leasing), so that an
 * injected scheme stands out and ordinary data never looks like one.
 */
final class Generation {

	/** The county the demo is of (嵊州市), unless a bundle of another is asked for. */
	static final String COUNTY = "330683";

	/** The county code (six digits) of this run. */
	final String county;

	final Random rnd;

	final BundleWriter out;

	private int seq;

	/** People who died: ordinary payments stop. */
	final Set<String> dead = new HashSet<>();

	/** Households that must not receive ordinary payments: too well off, or a cadre's. */
	final Set<String> excludedHouseholds = new HashSet<>();

	/**
	 * People paid an ordinary subsidy, and their households: injected schemes pick
	 * others.
	 */
	final Set<String> recipients = new HashSet<>();

	final Set<String> recipientHouseholds = new HashSet<>();

	/**
	 * Village and lessee of every lease: income is matched by village and counterparty,
	 * so a lease whose rent goes missing must be its lessee's only one in the village.
	 */
	final Set<String> lessees = new HashSet<>();

	/** The vouchers of the last project paid beyond its contract. */
	final List<String> lastOverpay = new ArrayList<>();

	private final Map<String, Integer> schemeCount = new HashMap<>();

	private AsReceived received;

	Generation(long seed, String county, BundleWriter out) {
		this.county = county;
		this.rnd = new Random(seed);
		this.out = out;
	}

	/** A new id of a kind: {@code P} person, {@code H} household, {@code V} voucher... */
	String id(char prefix) {
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

	BundleWriter.Sheet sheet(String file) {
		BundleWriter.Sheet sheet = out.sheet(file, null);
		return received != null && AsReceived.FILES.contains(file)
				? sheet.transformedBy(values -> received.row(file, values)) : sheet;
	}

	/** The registries are written as other departments record them. */
	void receive(AsReceived registries) {
		this.received = registries;
	}

	AsReceived received() {
		return received;
	}

	/** A valid unified social credit code of the county. */
	String creditCode() {
		StringBuilder sb = new StringBuilder("91").append(county);
		for (int i = 0; i < 9; i++) {
			sb.append(IdentityCodes.CREDIT_CHARS.charAt(rnd.nextInt(IdentityCodes.CREDIT_CHARS.length())));
		}
		return sb.append(IdentityCodes.creditCodeCheck(sb)).toString();
	}

	String coord(double base) {
		return BigDecimal.valueOf(base + rnd.nextDouble() * 0.4).setScale(4, RoundingMode.HALF_UP).toPlainString();
	}

	String invoice() {
		return String.valueOf(10_000_000 + rnd.nextInt(89_999_999));
	}

	static BigDecimal money(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal pct(BigDecimal total, int pct) {
		return total.multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	/** Writes a scheme's label and its records ({@code labels/}). */
	void label(String scheme, String subject, String region, BigDecimal amount, String file, String... records) {
		String id = id('L');
		schemeCount.merge(scheme, 1, Integer::sum);
		sheet("labels/schemes.csv").row(id, scheme, subject, region, amount);
		for (String r : records) {
			sheet("labels/scheme_records.csv").row(id, file, r);
		}
	}

	Map<String, Integer> schemeCount() {
		return schemeCount;
	}

}
