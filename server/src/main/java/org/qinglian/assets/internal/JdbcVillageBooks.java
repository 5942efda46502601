package org.qinglian.assets.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinglian.assets.VillageBooks;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.PersonalNumbers;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcVillageBooks implements VillageBooks {

	/**
	 * An expense from this amount on needs an invoice (白条 otherwise), as the risk rule
	 * says.
	 */
	static final BigDecimal INVOICE_FROM = new BigDecimal("1000.00");

	/** Awards from these amounts on are tendered in the open (construction; else). */
	static final BigDecimal TENDER_CONSTRUCTION = new BigDecimal("400000.00");

	static final BigDecimal TENDER_OTHER = new BigDecimal("100000.00");

	private static final BigDecimal MOST = new BigDecimal("999999999999.99");

	/** The earliest day a booking may name. */
	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final Jurisdiction jurisdiction;

	private final AuditLog audit;

	private final Clock clock;

	JdbcVillageBooks(JdbcClient jdbc, Scopes scopes, Jurisdiction jurisdiction, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.jurisdiction = jurisdiction;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> villagesKept() {
		Scope scope = scopes.current();
		if (!scope.can(Permission.KEEP_BOOKS) || scope.regionCode() == null) {
			return List.of();
		}
		if (scope.role() == Role.CUSTODIAN) {
			// the agency keeps the books of the villages of townships under custody
			return jdbc.sql("""
					select v.region_code from jur_region v join jur_region t on t.region_code = v.parent_code
					where v.level = 'village' and t.custody_since is not null and t.custody_since <= :today
					  and v.region_code like :scope order by v.region_code""")
				.params(scope.parameters())
				.param("today", LocalDate.now(clock))
				.query(String.class)
				.list();
		}
		return jurisdiction.region(scope.regionCode())
			.filter(RegionView::isVillage)
			.map(r -> List.of(r.code()))
			.orElse(List.of());
	}

	/** The village, if the user keeps its books; else it does not exist for them. */
	private RegionView kept(String villageCode) {
		if (villageCode == null || !villagesKept().contains(villageCode)) {
			throw new Scope.NotInScopeException();
		}
		return jurisdiction.region(villageCode).orElseThrow(Scope.NotInScopeException::new);
	}

	@Override
	public String bookVoucher(VoucherEntry entry, boolean confirmed) {
		check(entry, confirmed);
		String id = "QL-V-" + jdbc.sql("select nextval('ast_entry_number')").query(Long.class).single();
		jdbc.sql(
				"""
						insert into ast_voucher (voucher_id, region_code, booked_on, direction, amount, method,
						  counterparty_name, category, summary, invoice_no)
						values (:id, :region, :booked, :direction, :amount, :method, :counterparty, :category, :summary, :invoice)""")
			.params(params(id, entry))
			.update();
		audit.record("book_voucher", "voucher", id, entry.regionCode(), entry.amount() + " " + entry.method());
		return id;
	}

	@Override
	public void correctVoucher(String voucherId, VoucherEntry entry, boolean confirmed) {
		VoucherEntry old = voucher(voucherId).orElseThrow(Scope.NotInScopeException::new);
		if (!old.regionCode().equals(entry.regionCode())) {
			throw new Refused("assets.refused.otherVillage", "a voucher stays in its village");
		}
		check(entry, confirmed);
		jdbc.sql("""
				update ast_voucher set booked_on = :booked, direction = :direction, amount = :amount, method = :method,
				  counterparty_name = :counterparty, category = :category, summary = :summary, invoice_no = :invoice
				where voucher_id = :id""").params(params(voucherId, entry)).update();
		audit.record("correct_voucher", "voucher", voucherId, entry.regionCode(), null);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<VoucherEntry> voucher(String voucherId) {
		scopes.current().require(Permission.KEEP_BOOKS);
		List<String> kept = villagesKept();
		return jdbc
			.sql("""
					select region_code, booked_on, direction, amount, method, counterparty_name, category, summary, invoice_no
					from ast_voucher where voucher_id = ? and voucher_id like 'QL-V-%'""")
			.param(voucherId)
			.query(VoucherEntry.class)
			.optional()
			.filter(v -> kept.contains(v.regionCode()));
	}

	private Map<String, Object> params(String id, VoucherEntry e) {
		Map<String, Object> p = new HashMap<>(
				Map.of("id", id, "region", e.regionCode(), "booked", e.bookedOn(), "direction", e.direction(), "amount",
						e.amount(), "method", e.method(), "category", e.category(), "summary", e.summary().strip()));
		p.put("counterparty", blankToNull(e.counterpartyName()));
		p.put("invoice", blankToNull(e.invoiceNo()));
		return p;
	}

	private void check(VoucherEntry e, boolean confirmed) {
		RegionView village = kept(e.regionCode());
		LocalDate today = LocalDate.now(clock);
		Refused.unless(e.bookedOn() != null, "bookedOn", "assets.refused.required");
		Refused.unless(!e.bookedOn().isAfter(today), "bookedOn", "assets.refused.future");
		Refused.unless(!e.bookedOn().isBefore(EARLIEST), "bookedOn", "assets.refused.tooOld");
		Refused.unless(List.of("income", "expense").contains(e.direction()), "direction", "assets.refused.choice");
		money(e.amount(), "amount", true);
		Refused.unless(METHODS.contains(e.method()), "method", "assets.refused.choice");
		Refused.unless(CATEGORIES.contains(e.category()), "category", "assets.refused.choice");
		Refused.unless(e.summary() != null && !e.summary().isBlank(), "summary", "assets.refused.required");
		length(e.summary(), "summary", 1000);
		length(e.counterpartyName(), "counterpartyName", 200);
		length(e.invoiceNo(), "invoiceNo", 64);
		published(e.summary(), "summary");
		published(e.counterpartyName(), "counterpartyName");
		if ("cash".equals(e.method()) && village.cashlessSince() != null
				&& !e.bookedOn().isBefore(village.cashlessSince())) {
			throw new Refused("assets.refused.cashInCashlessVillage",
					"the village has been cashless since " + village.cashlessSince() + ": no cash payments",
					village.cashlessSince());
		}
		List<Flag> flags = new ArrayList<>();
		if ("expense".equals(e.direction()) && e.amount().compareTo(INVOICE_FROM) >= 0
				&& (e.invoiceNo() == null || e.invoiceNo().isBlank())
				&& !List.of("subsidy_payout", "labor").contains(e.category())) {
			flags.add(new Flag("assets.flag.noInvoice", List.of(INVOICE_FROM)));
		}
		if ("hospitality".equals(e.category())) {
			flags.add(new Flag("assets.flag.hospitality", List.of()));
		}
		if (!flags.isEmpty() && !confirmed) {
			throw new Flagged(flags);
		}
	}

	@Override
	public String bookContract(ContractEntry e, boolean confirmed) {
		kept(e.regionCode());
		Refused.unless(CONTRACT_KINDS.contains(e.kind()), "kind", "assets.refused.choice");
		Refused.unless(e.signedOn() != null, "signedOn", "assets.refused.required");
		Refused.unless(!e.signedOn().isAfter(LocalDate.now(clock)), "signedOn", "assets.refused.future");
		Refused.unless(!e.signedOn().isBefore(EARLIEST), "signedOn", "assets.refused.tooOld");
		Refused.unless(within(e.startOn()), "startOn", "assets.refused.term");
		Refused.unless(within(e.endOn()), "endOn", "assets.refused.term");
		Refused.unless(e.endOn() == null || e.startOn() == null || !e.endOn().isBefore(e.startOn()), "endOn",
				"assets.refused.endBeforeStart");
		money(e.amount(), "amount", false);
		money(e.annualRent(), "annualRent", false);
		Refused.unless(!"lease".equals(e.kind()) || e.annualRent() != null, "annualRent", "assets.refused.required");
		Refused.unless(e.awardMethod() == null || e.awardMethod().isEmpty() || AWARD_METHODS.contains(e.awardMethod()),
				"awardMethod", "assets.refused.choice");
		Refused.unless(e.bidders() == null || (e.bidders() >= 0 && e.bidders() < 1000), "bidders",
				"assets.refused.choice");
		if (e.assetId() != null && !e.assetId().isEmpty()) {
			Refused.unless(assets(e.regionCode()).stream().anyMatch(a -> a.assetId().equals(e.assetId())), "assetId",
					"assets.refused.choice");
		}
		published(e.counterpartyName(), "counterpartyName");
		String counterparty = counterparty(e.regionCode(), e.counterpartyName());
		List<Flag> flags = new ArrayList<>();
		BigDecimal threshold = "construction".equals(e.kind()) ? TENDER_CONSTRUCTION : TENDER_OTHER;
		if (e.amount() != null && e.amount().compareTo(threshold) >= 0 && !"open_tender".equals(e.awardMethod())) {
			flags.add(new Flag("assets.flag.overTenderThreshold", List.of(threshold)));
		}
		if (!flags.isEmpty() && !confirmed) {
			throw new Flagged(flags);
		}
		String id = "QL-C-" + jdbc.sql("select nextval('ast_entry_number')").query(Long.class).single();
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("region", e.regionCode());
		p.put("kind", e.kind());
		p.put("asset", e.assetId() == null || e.assetId().isEmpty() ? null : e.assetId());
		p.put("counterparty", counterparty);
		p.put("signed", e.signedOn());
		p.put("start", e.startOn());
		p.put("end", e.endOn());
		p.put("amount", e.amount());
		p.put("rent", e.annualRent());
		p.put("award", e.awardMethod() == null || e.awardMethod().isEmpty() ? null : e.awardMethod());
		p.put("bidders", e.bidders());
		jdbc.sql(
				"""
						insert into ast_contract (contract_id, region_code, kind, asset_id, counterparty_id, signed_on, start_on,
						  end_on, amount, annual_rent, award_method, bidders)
						values (:id, :region, :kind, :asset, :counterparty, :signed, :start, :end, :amount, :rent, :award, :bidders)""")
			.params(p)
			.update();
		audit.record("book_contract", "contract", id, e.regionCode(), e.kind());
		return id;
	}

	/**
	 * The counterparty named: exactly one organization of the county or person of the
	 * village with that name (spaces ignored).
	 */
	private String counterparty(String village, String name) {
		Refused.unless(name != null && !name.isBlank(), "counterpartyName", "assets.refused.required");
		length(name, "counterpartyName", 200);
		List<String> ids = jdbc
			.sql("""
					select org_id from jur_organization where jur_name_key(name) = jur_name_key(:name)
					union all
					select person_id from jur_person where region_code = :village and jur_name_key(name) = jur_name_key(:name)""")
			.param("name", name)
			.param("village", village)
			.query(String.class)
			.list();
		if (ids.size() != 1) {
			throw new Refused(
					ids.isEmpty() ? "assets.refused.counterpartyUnknown" : "assets.refused.counterpartyAmbiguous",
					"counterpartyName: '" + name + "' names " + ids.size()
							+ " registered organizations or people of the village; exactly one is needed",
					name);
		}
		return ids.get(0);
	}

	@Override
	public void markDisclosed(String villageCode, Collection<String> voucherIds, LocalDate on) {
		kept(villageCode);
		if (voucherIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update ast_voucher set disclosed_on = :on
				where region_code = :village and voucher_id in (:ids) and disclosed_on is null""")
			.param("on", on)
			.param("village", villageCode)
			.param("ids", voucherIds)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssetOption> assets(String villageCode) {
		Scope scope = scopes.current();
		scope.require(Permission.READ_VILLAGE_DATA);
		scope.requireCovers(villageCode);
		return jdbc.sql("select asset_id, name from ast_asset where region_code = ? order by name, asset_id")
			.param(villageCode)
			.query(AssetOption.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<VillageKeeping> keeping() {
		Scope scope = scopes.current();
		scope.require(Permission.READ_VILLAGE_DATA);
		return jdbc.sql("""
				select v.region_code as village_code, v.name as village_name, t.name as township_name, t.custody_since,
				       v.cashless_since
				from jur_region v join jur_region t on t.region_code = v.parent_code
				where v.level = 'village' and v.region_code like :scope order by v.region_code""")
			.params(scope.parameters())
			.query(VillageKeeping.class)
			.list();
	}

	private static String blankToNull(String v) {
		return v == null || v.isBlank() ? null : v.strip();
	}

	private static void money(BigDecimal v, String field, boolean required) {
		if (v == null) {
			Refused.unless(!required, field, "assets.refused.required");
			return;
		}
		Refused.unless(v.signum() > 0, field, "assets.refused.positive");
		Refused.unless(v.scale() <= 2 || v.stripTrailingZeros().scale() <= 2, field, "assets.refused.cents");
		Refused.unless(v.compareTo(MOST) <= 0, field, "assets.refused.tooLarge");
	}

	/** A day of a contract's term: from 2000 on, within 70 years from today. */
	private boolean within(LocalDate day) {
		return day == null || (!day.isBefore(EARLIEST) && !day.isAfter(LocalDate.now(clock).plusYears(70)));
	}

	/** Text the village publishes: no ID or mobile number in it. */
	private static void published(String v, String field) {
		Refused.unless(!PersonalNumbers.in(v), field, "assets.refused.personalNumber");
	}

	private static void length(String v, String field, int most) {
		Refused.unless(v == null || v.length() <= most, field, "assets.refused.tooLong");
	}

}
