package org.qinglian.disclosure.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.qinglian.assets.VillageBooks.ContractEntry;
import org.qinglian.assets.VillageBooks.VoucherEntry;
import org.qinglian.platform.Refused;
import org.qinglian.powerlist.PowerList.ExerciseEntry;
import org.qinglian.powerlist.PowerList.StepEntry;

/**
 * The village desk's forms as sent (text, as typed), read into entries: a value that is
 * not a date or an amount is refused naming its field.
 */
final class DeskForms {

	private DeskForms() {
	}

	record VoucherForm(String village, String bookedOn, String direction, String amount, String method,
			String counterpartyName, String category, String summary, String invoiceNo, String reason,
			Boolean removeScan, Boolean confirmed) {

		boolean sure() {
			return Boolean.TRUE.equals(confirmed);
		}

		VoucherEntry entry() {
			return new VoucherEntry(village, date(bookedOn, "bookedOn"), direction, money(amount, "amount"), method,
					counterpartyName, category, summary, invoiceNo);
		}

		static VoucherForm of(VoucherEntry e) {
			return new VoucherForm(e.regionCode(), String.valueOf(e.bookedOn()), e.direction(),
					e.amount().toPlainString(), e.method(), e.counterpartyName(), e.category(), e.summary(),
					e.invoiceNo(), null, null, null);
		}

	}

	record ContractForm(String village, String kind, String assetId, String counterpartyName, String signedOn,
			String startOn, String endOn, String amount, String annualRent, String awardMethod, String bidders,
			Boolean confirmed) {

		boolean sure() {
			return Boolean.TRUE.equals(confirmed);
		}

		ContractEntry entry() {
			Integer n;
			try {
				n = bidders == null || bidders.isBlank() ? null : Integer.valueOf(bidders.strip());
			}
			catch (NumberFormatException ex) {
				throw new Refused("desk.refused.number", "bidders: '" + bidders + "' is not a number", "bidders");
			}
			return new ContractEntry(village, kind, assetId, counterpartyName, date(signedOn, "signedOn"),
					date(startOn, "startOn"), date(endOn, "endOn"), money(amount, "amount"),
					money(annualRent, "annualRent"), awardMethod, n);
		}

	}

	record ExerciseForm(String village, String itemCode, String title, String amount, String startedOn) {

		ExerciseEntry entry() {
			return new ExerciseEntry(itemCode, village, title, money(amount, "amount"), date(startedOn, "startedOn"));
		}

	}

	record StepForm(String stepCode, String occurredOn, String evidence, String note, Boolean finish,
			Boolean confirmed) {

		boolean sure() {
			return Boolean.TRUE.equals(confirmed);
		}

		StepEntry entry(String exerciseId) {
			return new StepEntry(exerciseId, stepCode, date(occurredOn, "occurredOn"), evidence, note,
					Boolean.TRUE.equals(finish));
		}

	}

	static LocalDate date(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Refused("desk.refused.date", field + ": '" + text + "' is not a date (YYYY-MM-DD)", field);
		}
	}

	static BigDecimal money(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new Refused("desk.refused.amount", field + ": '" + text + "' is not an amount", field);
		}
	}

}
