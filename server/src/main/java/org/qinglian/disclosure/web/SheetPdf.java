package org.qinglian.disclosure.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.Sheet;
import org.qinglian.disclosure.Publications.Version;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notice-board sheet (线下公开) of a village's month: an A4 PDF of the vouchers and the
 * subsidies published for it, and on every page a QR code that opens the verification
 * page with the sheet's hash and the act of the log it was printed at. The Chinese font
 * (Noto Sans SC, SIL Open Font License) ships in the jar and is embedded (subset) in each
 * sheet, so a server without fonts prints it and every reader shows it.
 */
@Component
class SheetPdf {

	private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

	private final MessageSource messages;

	private volatile BaseFont font;

	SheetPdf(MessageSource messages) {
		this.messages = messages;
	}

	private BaseFont font() {
		BaseFont f = font;
		if (f == null) {
			synchronized (this) {
				if (font == null) {
					try (InputStream in = SheetPdf.class.getResourceAsStream(FONT)) {
						if (in == null) {
							throw new IllegalStateException("the font " + FONT + " is not in the jar");
						}
						font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
								true, in.readAllBytes(), null);
					}
					catch (IOException | DocumentException ex) {
						throw new IllegalStateException("the sheet's font cannot be read", ex);
					}
				}
				f = font;
			}
		}
		return f;
	}

	/**
	 * The sheet as PDF.
	 * @param title the village's full name and the month, as printed on top
	 * @param verifyUrl the address the QR code opens
	 */
	byte[] render(Sheet sheet, String title, String verifyUrl, Locale locale) {
		Font heading = new Font(font(), 15, Font.BOLD);
		Font body = new Font(font(), 8.5f);
		Font small = new Font(font(), 7.5f, Font.NORMAL, Color.DARK_GRAY);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 36, 36, 40, 110);
		PdfWriter writer = PdfWriter.getInstance(doc, out);
		Image qr = qr(verifyUrl);
		String code = msg("sheet.code", locale, sheet.actSeq(), sheet.hash().substring(0, 16));
		String scan = msg("sheet.scan", locale);
		writer.setPageEvent(new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter w, Document d) {
				PdfContentByte canvas = w.getDirectContent();
				try {
					qr.setAbsolutePosition(d.right() - 80, 18);
					canvas.addImage(qr);
				}
				catch (DocumentException ex) {
					throw new IllegalStateException(ex);
				}
				ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(scan, small), d.left(), 70, 0);
				ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(code, small), d.left(), 58, 0);
				ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
						new Phrase(msg("sheet.page", locale, w.getPageNumber()), small), d.left(), 46, 0);
			}
		});
		doc.open();
		Paragraph top = new Paragraph(title, heading);
		top.setAlignment(Element.ALIGN_CENTER);
		top.setSpacingAfter(8);
		doc.add(top);
		List<Version> vouchers = sheet.records().stream().filter(v -> v.kind().equals("voucher")).toList();
		List<Version> subsidies = sheet.records().stream().filter(v -> v.kind().equals("subsidy")).toList();
		doc.add(new Paragraph(msg("sheet.vouchers", locale, vouchers.size()), body));
		PdfPTable table = table(body, new float[] { 11, 7, 12, 7, 20, 35, 8 }, msg("col.date", locale),
				msg("col.direction", locale), msg("col.amount", locale), msg("col.method", locale),
				msg("col.counterparty", locale), msg("col.summary", locale), msg("sheet.version", locale));
		for (Version v : vouchers) {
			Map<String, Object> f = v.content();
			BigDecimal amount = new BigDecimal(String.valueOf(f.get("amount")));
			row(table, body, text(f.get("booked_on")), msg("direction." + f.get("direction"), locale),
					String.format("%,.2f", amount), msg("method." + f.get("method"), locale),
					text(f.get("counterparty")), text(f.get("summary")), "v" + v.version());
		}
		doc.add(table);
		Publications.Totals totals = Publications.Totals.of(vouchers);
		doc.add(new Paragraph(msg("sheet.totals", locale, String.format("%,.2f", totals.income()),
				String.format("%,.2f", totals.expense())), body));
		if (!subsidies.isEmpty()) {
			doc.add(new Paragraph(" ", body));
			doc.add(new Paragraph(msg("sheet.subsidies", locale, subsidies.size()), body));
			PdfPTable s = table(body, new float[] { 16, 14, 24, 14, 14, 8 }, msg("col.program", locale),
					msg("col.recipient", locale), msg("sheet.idNumber", locale), msg("col.amount", locale),
					msg("col.paidOn", locale), msg("sheet.version", locale));
			for (Version v : subsidies) {
				Map<String, Object> f = v.content();
				row(s, body, msg("program." + f.get("program"), locale), text(f.get("recipient")),
						text(f.get("id_number")),
						String.format("%,.2f", new BigDecimal(String.valueOf(f.get("amount")))), text(f.get("paid_on")),
						"v" + v.version());
			}
			doc.add(s);
		}
		doc.close();
		return out.toByteArray();
	}

	private static PdfPTable table(Font font, float[] widths, String... headers) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setHeaderRows(1);
		for (String h : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(h, font));
			cell.setBackgroundColor(new Color(230, 230, 230));
			table.addCell(cell);
		}
		return table;
	}

	private static void row(PdfPTable table, Font font, String... cells) {
		for (String c : cells) {
			table.addCell(new PdfPCell(new Phrase(c, font)));
		}
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static Image qr(String url) {
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
			hints.put(EncodeHintType.MARGIN, 2);
			BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 300, 300, hints);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			Image image = Image.getInstance(png.toByteArray());
			image.scaleAbsolute(80, 80);
			return image;
		}
		catch (WriterException | IOException ex) {
			throw new UncheckedIOException(new IOException("the QR code cannot be made", ex));
		}
	}

}
