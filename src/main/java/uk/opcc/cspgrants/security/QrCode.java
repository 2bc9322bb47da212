package uk.opcc.cspgrants.security;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as an SVG path (one square per dark module), drawn by the page itself: no
 * image file, nothing sent elsewhere, nothing a Content-Security-Policy must allow.
 */
final class QrCode {

	private QrCode() {
	}

	/**
	 * The path of the code of {@code text} and its size in modules, with a quiet zone of
	 * four modules around it.
	 */
	static Drawing of(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return new Drawing(path.toString(), matrix.getWidth());
		}
		catch (WriterException failure) {
			throw new IllegalArgumentException("Too long for a QR code", failure);
		}
	}

	/** An SVG path and the side of the square it is drawn in. */
	record Drawing(String path, int size) {

	}

}
