package org.qinglian;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Real photos for tests that upload one. */
public final class Images {

	private Images() {
	}

	/** A small PNG photo. */
	public static byte[] png() {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var g = image.getGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(5, 5, 20, 10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A PNG photo carrying a text chunk besides its pixels, as cameras and phones write
	 * places and devices into their photos.
	 */
	public static byte[] pngWithText(String keyword, String text) {
		byte[] png = png();
		byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data);
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
		// after the signature (8 bytes) and the IHDR chunk (25 bytes)
		ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
		out.put(png, 0, 33).put(chunk.array()).put(png, 33, png.length - 33);
		return out.array();
	}

}
