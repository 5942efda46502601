package org.qinglian.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.demo.SchemeInjection.Township;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;

/**
 * Generates a synthetic county in the QDX format: realistic Chinese names, valid ID
 * numbers and credit codes, two years of vouchers, contracts, projects, subsidies,
 * registries, uses of power, reports and cases. Every misconduct scheme of the spec is
 * injected once in every township ({@link SchemeInjection}) and written to
 * {@code labels/}. The ordinary data ({@link People}, {@link VillageBooks}) is kept clear
 * of the patterns, so that a label means something. Deterministic for a seed: every part
 * draws from the one random sequence of the {@link Generation}, in a fixed order.
 */
final class CountyGenerator {

	/** How big a county to make. */
	record Size(int townships, int villagesPerTownship, long seed, String county) {

		Size(int townships, int villagesPerTownship, long seed) {
			this(townships, villagesPerTownship, seed, COUNTY);
		}

	}

	static final String COUNTY = Generation.COUNTY;

	private final Size size;

	/** The header line of each file of the format, by file name, in load order. */
	private final Map<String, String> headers = new LinkedHashMap<>();

	private Map<String, Integer> schemeCount = new HashMap<>();

	CountyGenerator(Size size, List<ExchangeFile> files) {
		this.size = size;
		// the spec's files and columns of version 1.1 (registries as received): a
		// county's
		// bundle, not this platform's own
		// records
		files.stream()
			.filter(f -> !f.isAddition() && f.in("1.1"))
			.sorted(Comparator.comparingInt(ExchangeFile::order))
			.forEach(f -> headers.put(f.file(),
					String.join(",", f.specColumns().stream().map(ExchangeColumn::name).toList())));
	}

	long write(Path dir) throws IOException {
		GeneratorCatalogue catalogue = new GeneratorCatalogue();
		try (BundleWriter w = new BundleWriter(dir)) {
			// the data files in the order of the format, with the headers the modules
			// declare for them
			for (String file : headers.keySet()) {
				if (!GeneratorCatalogue.FILES.contains(file)) {
					w.sheet(file, headers.get(file));
				}
			}
			catalogue.copyInto(w);
			w.sheet("labels/schemes.csv", "scheme_id,scheme,subject_id,region_code,amount");
			w.sheet("labels/scheme_records.csv", "scheme_id,file,record_id");
			Generation g = new Generation(size.seed(), size.county(), w);
			People people = new People(g);
			g.receive(new AsReceived(size.seed(), people::identity));
			VillageBooks books = new VillageBooks(g, catalogue);
			List<SchemeInjection> schemes = SchemeInjection.all(g, people, books);

			String countyCode = g.county + "000000";
			g.sheet("regions.csv").row(countyCode, "嵊州市", "county", null, "29.5887", "120.8212", null, null);
			for (int i = 0; i < 6; i++) {
				String p = people.person(countyCode, null, 1965 + g.rnd.nextInt(25));
				g.sheet("positions.csv").row(p, countyCode, "county_staff", "2012-03-01", null);
			}
			books.referencePrices();
			for (int t = 0; t < size.townships(); t++) {
				Township township = township(g, people, books, t);
				schemes.forEach(s -> s.inject(township));
			}
			// deaths of people of another county, which tie to nobody of this one
			for (int t = 0; t < size.townships(); t++) {
				LocalDate born = LocalDate.of(1930 + g.rnd.nextInt(30), 1 + g.rnd.nextInt(12), 1 + g.rnd.nextInt(28));
				g.sheet("deaths.csv")
					.rowAsIs(g.received().outsider(people.name(), born, LocalDate.of(2019, 1 + g.rnd.nextInt(12), 15)));
			}
			w.manifest(g.county, VillageBooks.START.toString(), VillageBooks.END.toString(),
					"2021-01-15T09:00:00+08:00");
			schemeCount = g.schemeCount();
			return w.rows();
		}
	}

	/** A township: its staff, organizations, villages and their books. */
	private Township township(Generation g, People people, VillageBooks books, int t) {
		String tc = g.county + (101 + t) + "000";
		String countyCode = g.county + "000000";
		boolean custody = g.rnd.nextBoolean();
		String[] names = People.TOWNSHIPS;
		g.sheet("regions.csv")
			.row(tc, names[t % names.length] + (t >= names.length ? String.valueOf(t) : ""), "township", countyCode,
					g.coord(29.5), g.coord(120.8), null, custody ? "2018-01-01" : null);
		g.sheet("positions.csv").row(people.person(tc, null, 1970), tc, "township_secretary", "2016-01-01", null);
		for (int s = 0; s < 2; s++) {
			g.sheet("positions.csv")
				.row(people.person(tc, null, 1975 + s * 5), tc, "township_staff", "2017-06-01", null);
		}
		g.sheet("positions.csv").row(people.person(tc, null, 1980), tc, "custodian", "2018-01-01", null);
		List<String> orgs = people.organizations(tc);
		List<Village> villages = new ArrayList<>();
		for (int v = 0; v < size.villagesPerTownship(); v++) {
			villages.add(people.village(tc, v));
		}
		for (Village v : villages) {
			books.write(v, orgs, people);
		}
		return new Township(villages.get(0), villages.get(villages.size() > 1 ? 1 : 0), List.copyOf(villages), orgs);
	}

	/** How many times each scheme was injected in the last {@link #write}. */
	Map<String, Integer> schemeCount() {
		return schemeCount;
	}

}
