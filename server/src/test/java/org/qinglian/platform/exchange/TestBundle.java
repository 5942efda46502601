package org.qinglian.platform.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qinglian.platform.IdentityCodes;

/** A small hand-made bundle, written with a correct manifest unless told otherwise. */
final class TestBundle {

	final Map<String, String> files = new LinkedHashMap<>();

	final Map<String, Long> rowOverride = new LinkedHashMap<>();

	final Map<String, String> hashOverride = new LinkedHashMap<>();

	/**
	 * A valid county: one township, one village, two people, an organization, two
	 * vouchers, a power item with two steps used once, a position and a report.
	 */
	static TestBundle valid(String suffix) {
		TestBundle b = new TestBundle();
		b.files.put("regions.csv", """
				region_code,name,level,parent_code,lat,lon,cashless_since,custody_since
				330683000000,嵊州市,county,,29.5887,120.8212,,
				330683101000,甘霖镇,township,330683000000,29.55,120.74,,2018-01-01
				330683101201,溪坪村,village,330683101000,29.56,120.75,2019-01-01,
				""");
		b.files.put("persons.csv",
				"""
						person_id,id_number,name,gender,birth_date,household_id,region_code,phone
						PA%1$s,33068319680322241X,王强,m,1968-03-22,H1%1$s,330683101201,13900000000
						PB%1$s,330683199001011237,李芳,f,1990-01-01,H1%1$s,330683101201,
						""".formatted(suffix)
					.replace("33068319680322241X", validId("33068319680322241"))
					.replace("330683199001011237", validId("33068319900101123")));
		b.files.put("organizations.csv", """
				org_id,name,credit_code,legal_rep_id,region_code,registered_on
				O%1$s,甘霖建筑工程有限公司,%2$s,PA%1$s,330683101000,2013-07-14
				""".formatted(suffix, validCredit("91330683224183651")));
		b.files.put("vouchers.csv",
				"""
						voucher_id,region_code,booked_on,direction,amount,method,counterparty_id,counterparty_name,category,summary,invoice_no,approver_ids,project_id,exercise_id,disclosed_on
						V1%1$s,330683101201,2019-01-02,expense,749.97,bank,PB%1$s,李芳,labor,"护林员报酬, 一月",66458091,PA%1$s,,,2019-02-05
						V2%1$s,330683101201,2019-01-03,income,21816.00,bank,O%1$s,,lease_income,租金,,PA%1$s;PB%1$s,,,2019-02-05
						"""
					.formatted(suffix));
		b.files.put("power_items.csv", """
				item_code,category,name,description,legal_basis
				I%1$s,major_decision,村级重大事项决策,说明,《村民委员会组织法》
				""".formatted(suffix));
		b.files.put("power_steps.csv", """
				item_code,step_code,seq,name,actor_role,after,min_days,max_days,disclosure,optional
				I%1$s,proposal,1,村党组织提议,party_secretary,,,,false,false
				I%1$s,disclose,2,结果公示,committee_director,proposal,5,10,true,false
				""".formatted(suffix));
		b.files.put("power_exercises.csv", """
				exercise_id,item_code,region_code,title,initiator_id,amount,started_on,status
				E%1$s,I%1$s,330683101201,村道硬化,PA%1$s,,2019-03-01,done
				""".formatted(suffix));
		b.files.put("exercise_events.csv", """
				exercise_id,step_code,occurred_on,actor_id,evidence,note
				E%1$s,proposal,2019-03-01,PA%1$s,,
				E%1$s,disclose,2019-03-02,PA%1$s,,
				""".formatted(suffix));
		b.files.put("positions.csv", """
				person_id,region_code,role,start_date,end_date
				PA%1$s,330683101201,committee_director,2017-01-01,2020-12-31
				""".formatted(suffix));
		b.files.put("reports.csv",
				"""
						report_id,received_on,channel,kind,anonymous,reporter_id,subject_id,region_code,unit_code,rural_cadre,text,duplicate_of,closed_on,satisfied
						R%1$s,2019-05-01,visit,appeal,false,PB%1$s,PA%1$s,330683101201,330683101000,true,反映村道工程问题,,2019-05-20,true
						"""
					.formatted(suffix));
		return b;
	}

	/** The rows of {@link #valid(String)}. */
	static final int VALID_ROWS = 16;

	static String validId(String first17) {
		return first17 + IdentityCodes.idNumberCheck(first17);
	}

	static String validCredit(String first17) {
		return first17 + IdentityCodes.creditCodeCheck(first17);
	}

	/** Replaces the text of a file: the manifest is computed afresh. */
	TestBundle with(String file, String from, String to) {
		String before = files.get(file);
		if (!before.contains(from)) {
			throw new IllegalArgumentException(file + " has no " + from);
		}
		files.put(file, before.replace(from, to));
		return this;
	}

	Path write(Path dir) throws IOException {
		Files.createDirectories(dir);
		StringBuilder json = new StringBuilder("{\"format\":\"qdx\",\"version\":1,\"county_code\":\"330683\",").append(
				"\"generated_at\":\"2021-01-15T09:00:00+08:00\",\"period\":{\"from\":\"2019-01-01\",\"to\":\"2020-12-31\"},\"files\":{");
		int i = 0;
		for (var e : files.entrySet()) {
			byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
			Files.write(dir.resolve(e.getKey()), bytes);
			long rows = e.getValue().lines().count() - 1;
			String sha;
			try {
				sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			json.append(i++ > 0 ? "," : "")
				.append('"')
				.append(e.getKey())
				.append("\":{\"rows\":")
				.append(rowOverride.getOrDefault(e.getKey(), rows))
				.append(",\"sha256\":\"")
				.append(hashOverride.getOrDefault(e.getKey(), sha))
				.append("\"}");
		}
		json.append("}}");
		Files.writeString(dir.resolve("manifest.json"), json);
		return dir;
	}

}
