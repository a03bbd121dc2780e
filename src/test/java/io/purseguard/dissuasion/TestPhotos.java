package io.purseguard.dissuasion;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real photo files made in the test: pictures by javax.imageio, EXIF with a GPS position by Commons Imaging. */
public final class TestPhotos {

    /** 东湖 in Hangzhou, where the test photos are taken. */
    public static final double LONGITUDE = 120.2155;

    public static final double LATITUDE = 30.2741;

    /** EXIF orientation: rotate 90° clockwise to show, as a phone held upright writes it. */
    public static final int ORIENTATION = 6;

    /** A 1×1 lossless WebP's VP8L chunk (header and bitstream). */
    private static final byte[] VP8L_1X1 = Base64.getDecoder().decode("VlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestPhotos() {}

    public static BufferedImage picture() {
        var image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 48, 32);
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 16, 16);
        g.dispose();
        return image;
    }

    public static byte[] jpeg() {
        return encode("jpg");
    }

    public static byte[] png() {
        return encode("png");
    }

    /** A JPEG whose EXIF holds the orientation, a camera make and a GPS position. */
    public static byte[] jpegWithGps() {
        try {
            var out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(), out, exif());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG with an {@code eXIf} chunk holding a GPS position, and an XMP text chunk, before its pixels. */
    public static byte[] pngWithExif() {
        try {
            var tiff = new ByteArrayOutputStream();
            new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(tiff, exif());
            var xmp = "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><exif:GPSLatitude>30,16.4N</exif:GPSLatitude></x:xmpmeta>";
            var plain = png();
            // after the signature and IHDR (8 + 25 bytes)
            var out = new ByteArrayOutputStream();
            out.write(plain, 0, 33);
            out.write(chunk("eXIf", tiff.toByteArray()));
            out.write(chunk("iTXt", xmp.getBytes(StandardCharsets.ISO_8859_1)));
            out.write(plain, 33, plain.length - 33);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An extended WebP: VP8X flagging EXIF, the 1×1 picture, and an EXIF chunk of odd size (padded). */
    public static byte[] webpWithExif() {
        var body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(riffChunk("VP8X", new byte[] {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        body.writeBytes(VP8L_1X1);
        body.writeBytes(riffChunk("EXIF", "Exif\0\0GPS 30.2741N 120.2155E".getBytes(StandardCharsets.US_ASCII)));
        var out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The opening of a phone's HEIC: an {@code ftyp} box (heic, mif1) and the start of its meta box. */
    public static byte[] heic() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 24});
        out.writeBytes("ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 12});
        out.writeBytes("meta\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The EXIF of {@code jpeg}, or null when it has none. */
    public static TiffImageMetadata exifOf(byte[] jpeg) {
        try {
            return Imaging.getMetadata(jpeg) instanceof JpegImageMetadata m ? m.getExif() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] chunk(String type, byte[] data) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {
            (byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length
        });
        var typeAndData = new ByteArrayOutputStream();
        typeAndData.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        typeAndData.writeBytes(data);
        out.writeBytes(typeAndData.toByteArray());
        var crc = new CRC32();
        crc.update(typeAndData.toByteArray());
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    private static byte[] riffChunk(String type, byte[] data) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static TiffOutputSet exif() throws IOException {
        var set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        var root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) ORIENTATION);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Purseguard Test Camera");
        set.setGpsInDegrees(LONGITUDE, LATITUDE);
        return set;
    }

    private static byte[] encode(String format) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(picture(), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
