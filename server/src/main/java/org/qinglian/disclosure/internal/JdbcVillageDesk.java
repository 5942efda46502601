package org.qinglian.disclosure.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.qinglian.assets.VillageBooks;
import org.qinglian.assets.VillageBooks.ContractEntry;
import org.qinglian.assets.VillageBooks.VoucherEntry;
import org.qinglian.disclosure.VillageDesk;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.FileTypes;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseEntry;
import org.qinglian.powerlist.PowerList.StepEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcVillageDesk implements VillageDesk {

	/** The largest scan of a voucher. */
	static final int MAX_SCAN_BYTES = 5 * 1024 * 1024;

	/**
	 * The most pixels of a photo drawn again (a small file may unpack to a huge image).
	 */
	static final long MAX_PIXELS = 40_000_000L;

	/** The reason of a new version after a step was recorded. */
	static final String NEW_STEP = "记录新步骤";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final VillageBooks books;

	private final PowerList powerList;

	private final Publisher publisher;

	private final AuditLog audit;

	private final Clock clock;

	JdbcVillageDesk(JdbcClient jdbc, Scopes scopes, VillageBooks books, PowerList powerList, Publisher publisher,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.books = books;
		this.powerList = powerList;
		this.publisher = publisher;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<VillageState> villages() {
		List<String> kept = books.villagesKept();
		if (kept.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select r.region_code, r.name, (select count(*) from dis_hold h where h.region_code = r.region_code)
				from jur_region r where r.region_code in (:kept) order by r.region_code""")
			.param("kept", kept)
			.query((rs, i) -> new VillageState(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	private String keeper(String villageCode) {
		scopes.current().require(Permission.KEEP_BOOKS);
		if (villageCode == null || !books.villagesKept().contains(villageCode)) {
			throw new Scope.NotInScopeException();
		}
		return scopes.current().user();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Held> unpublished(String villageCode) {
		keeper(villageCode);
		return jdbc
			.sql("""
					select h.kind, h.record_id, coalesce(
					         (select to_char(v.booked_on, 'YYYY-MM-DD') || ' ' || v.amount || ' ' || coalesce(v.summary, '')
					          from ast_voucher v where h.kind = 'voucher' and v.voucher_id = h.record_id),
					         (select to_char(c.signed_on, 'YYYY-MM-DD') || ' ' || c.kind || ' ' || coalesce(c.amount::text, c.annual_rent::text, '')
					          from ast_contract c where h.kind = 'contract' and c.contract_id = h.record_id),
					         (select e.title from pow_exercise e where h.kind = 'exercise' and e.exercise_id = h.record_id),
					         h.record_id) as summary, h.reason
					from dis_hold h where h.region_code = ? order by h.held_at, h.record_id""")
			.param(villageCode)
			.query(Held.class)
			.list();
	}

	private void hold(String kind, String recordId, String villageCode, String reason) {
		jdbc.sql("""
				insert into dis_hold (kind, record_id, region_code, held_by, held_at, reason)
				values (?, ?, ?, ?, now(), ?) on conflict (kind, record_id) do nothing""")
			.params(kind, recordId, villageCode, scopes.current().user(), reason)
			.update();
	}

	@Override
	public String bookVoucher(VoucherEntry entry, Upload scan, boolean confirmed) {
		keeper(entry.regionCode());
		byte[] content = scan == null || scan.content() == null ? new byte[0] : scan.content();
		String type = null;
		if (content.length > 0) {
			String name = scan.filename() == null ? "" : scan.filename();
			if (content.length > MAX_SCAN_BYTES) {
				throw new Refused("disclosure.refused.scanTooLarge",
						"scan: the file " + name + " is larger than " + MAX_SCAN_BYTES + " bytes", name, 5);
			}
			type = FileTypes.mediaType(content);
			if (type == null) {
				throw new Refused("disclosure.refused.scanType",
						"scan: the file " + name + " is not a JPEG or PNG photo or a PDF (by its content)", name);
			}
			if (!type.equals("application/pdf")) {
				content = redrawn(content, type, name);
			}
		}
		String id = books.bookVoucher(entry, confirmed);
		if (type != null) {
			jdbc.sql("insert into dis_scan (voucher_id, sha256, media_type, content) values (?, ?, ?, ?)")
				.params(id, FileTypes.sha256(content), type, content)
				.update();
		}
		hold("voucher", id, entry.regionCode(), null);
		return id;
	}

	/**
	 * A photo drawn again from its pixels: what a camera or phone wrote besides the
	 * picture (EXIF: the place, the device, the time) is not published with it.
	 */
	static byte[] redrawn(byte[] content, String type, String name) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
			if (image == null || (long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
				throw new Refused("disclosure.refused.scanUnreadable",
						"scan: the photo " + name + " cannot be read (or is larger than 40 megapixels)", name);
			}
			if (type.equals("image/jpeg") && image.getColorModel().hasAlpha()) {
				BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
				rgb.getGraphics().drawImage(image, 0, 0, null);
				image = rgb;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, type.equals("image/png") ? "png" : "jpeg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new Refused("disclosure.refused.scanUnreadable",
					"scan: the photo " + name + " cannot be read (or is larger than 40 megapixels)", name);
		}
	}

	@Override
	public void correctVoucher(String voucherId, VoucherEntry entry, String reason, boolean removeScan,
			boolean confirmed) {
		VoucherEntry old = books.voucher(voucherId).orElseThrow(Scope.NotInScopeException::new);
		String user = keeper(old.regionCode());
		boolean published = jdbc.sql("select count(*) from dis_version where kind = 'voucher' and record_id = ?")
			.param(voucherId)
			.query(Long.class)
			.single() > 0;
		String why = reason == null ? "" : reason.strip();
		if (published && (why.isEmpty() || why.length() > 500)) {
			throw new Refused("disclosure.refused.reason",
					"reason: a correction of what was published needs its reason", "reason");
		}
		books.correctVoucher(voucherId, entry, confirmed);
		if (removeScan) {
			jdbc.sql("delete from dis_scan where voucher_id = ?").param(voucherId).update();
		}
		if (published) {
			Publisher.Appended act = publisher.append(user, old.regionCode(), why,
					"d.kind = 'voucher' and d.record_id = :id", Map.of("id", voucherId));
			audit.record("publish_correction", "voucher", voucherId, old.regionCode(),
					why + (act == null ? " (no change)" : " (act " + act.seq() + ")"));
		}
	}

	@Override
	public String bookContract(ContractEntry entry, boolean confirmed) {
		keeper(entry.regionCode());
		String id = books.bookContract(entry, confirmed);
		hold("contract", id, entry.regionCode(), null);
		return id;
	}

	@Override
	public String startExercise(ExerciseEntry entry) {
		scopes.current().require(Permission.RECORD_EXERCISES);
		keeper(entry.regionCode());
		String id = powerList.startExercise(entry);
		hold("exercise", id, entry.regionCode(), null);
		return id;
	}

	@Override
	public List<String> recordStep(StepEntry entry, boolean confirmed) {
		scopes.current().require(Permission.RECORD_EXERCISES);
		String region = powerList.exercise(entry.exerciseId())
			.map(d -> d.exercise().regionCode())
			.orElseThrow(Scope.NotInScopeException::new);
		keeper(region);
		List<String> deviations = powerList.recordStep(entry, confirmed);
		hold("exercise", entry.exerciseId(), region, NEW_STEP);
		return deviations;
	}

	@Override
	public int publish(String villageCode) {
		String user = keeper(villageCode);
		// what waits now, locked: a booking made meanwhile waits for the next act
		List<String[]> held = jdbc
			.sql("select kind, record_id from dis_hold where region_code = ? order by kind, record_id for update")
			.param(villageCode)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (held.isEmpty()) {
			audit.record("publish", "village", villageCode, villageCode, "0 records");
			return 0;
		}
		books.markDisclosed(villageCode, held.stream().filter(h -> h[0].equals("voucher")).map(h -> h[1]).toList(),
				LocalDate.now(clock));
		List<String> keys = held.stream().map(h -> h[0] + "/" + h[1]).toList();
		Publisher.Appended act = publisher.append(user, villageCode, null,
				"d.region_code = :village and d.kind || '/' || d.record_id in (:keys)",
				Map.of("village", villageCode, "keys", keys));
		jdbc.sql("delete from dis_hold where region_code = :village and kind || '/' || record_id in (:keys)")
			.param("village", villageCode)
			.param("keys", keys)
			.update();
		int n = act == null ? 0 : act.versions();
		audit.record("publish", "village", villageCode, villageCode,
				n + " records" + (act == null ? "" : " (act " + act.seq() + ")"));
		return n;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Lateness> late(String regionCode, LocalDate today) {
		Scope scope = scopes.current();
		scope.require(Permission.READ_SUPERVISION);
		Map<String, Object> params = scope.parametersUnder(regionCode);
		params.put("today", today);
		// a voucher is due on the 10th of the month after it was booked
		return jdbc.sql("""
				with due as (
				  select v.region_code, v.disclosed_on,
				         (date_trunc('month', v.booked_on) + interval '1 month' + interval '9 days')::date as due_on
				  from ast_voucher v where v.region_code like :subtree and v.region_code like :scope)
				select r.region_code as village_code, r.name as village_name,
				  (select count(*) from due d where d.region_code = r.region_code and d.disclosed_on is null
				     and d.due_on < :today) as undisclosed_vouchers,
				  (select min(d.due_on) from due d where d.region_code = r.region_code and d.disclosed_on is null
				     and d.due_on < :today) as oldest_due,
				  (select count(*) from due d where d.region_code = r.region_code and d.disclosed_on > d.due_on)
				    as late_vouchers,
				  (select count(*) from dis_hold h where h.region_code = r.region_code) as waiting,
				  (select count(*) from pow_deviation dv join pow_exercise e on e.exercise_id = dv.exercise_id
				     where e.region_code = r.region_code and dv.kind = 'TOO_SHORT') as short_disclosures
				from jur_region r
				where r.level = 'village' and r.region_code like :subtree and r.region_code like :scope
				order by 3 desc, 6 desc, r.region_code""").params(params).query(Lateness.class).list();
	}

}
