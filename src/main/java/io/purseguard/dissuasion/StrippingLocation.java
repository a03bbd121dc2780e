package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.PhotoFormat.ascii;
import static io.purseguard.dissuasion.PhotoFormat.u32;

import io.purseguard.dissuasion.Tasks.PhotoRefused;
import io.purseguard.dissuasion.Tasks.PhotoRefused.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Takes where a photo was taken out of it, leaving the picture and the rest of its metadata (the
 * orientation above all) as they were: the GPS directory of a JPEG's EXIF, and the EXIF of a PNG or
 * WebP, whose container is simpler to walk than its TIFF is to rewrite. XMP goes too in every format,
 * since it may repeat the position ({@code exif:GPSLatitude}) and nothing on our pages reads it.
 */
final class StrippingLocation {

    /** PNG text chunks that carry EXIF or XMP by their keyword (XMP's own, and ImageMagick's raw profiles). */
    private static final Set<String> PNG_METADATA_KEYWORDS =
            Set.of("XML:com.adobe.xmp", "Raw profile type exif", "Raw profile type APP1", "Raw profile type xmp");

    private static final int VP8X_XMP = 0x04;
    private static final int VP8X_EXIF = 0x08;

    private StrippingLocation() {}

    /** {@code bytes} in {@code format} without the location they carry; refuses what it cannot strip. */
    static byte[] from(PhotoFormat format, byte[] bytes) {
        return switch (format) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            case WEBP -> webp(bytes);
            // the position sits in an Exif item located by iloc offsets; rewriting that is not done here
            case HEIC, HEIF ->
                throw new PhotoRefused(
                        Reason.HEIC_LOCATION,
                        "is a HEIC photo, whose location cannot be removed: send a JPEG or keep the location");
        };
    }

    static byte[] jpeg(byte[] bytes) {
        try {
            byte[] withoutXmp = rewrite(out -> new JpegXmpRewriter().removeXmpXml(bytes, out));
            if (!(Imaging.getMetadata(withoutXmp) instanceof JpegImageMetadata metadata)
                    || metadata.getExif() == null) {
                return withoutXmp;
            }
            var exif = metadata.getExif().getOutputSet();
            if (exif.getGpsDirectory() == null) {
                return withoutXmp;
            }
            var kept = new TiffOutputSet(exif.byteOrder);
            for (var directory : exif.getDirectories()) {
                if (directory.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_GPS) {
                    kept.addDirectory(directory);
                }
            }
            kept.removeField(ExifTagConstants.EXIF_TAG_GPSINFO);
            try {
                return rewrite(out -> new ExifRewriter().updateExifMetadataLossless(withoutXmp, out, kept));
            } catch (IOException | RuntimeException e) {
                // an EXIF block the writer cannot lay out again: drop all of it rather than keep the position
                return rewrite(out -> new ExifRewriter().removeExifMetadata(withoutXmp, out));
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable("JPEG");
        }
    }

    /** Copies the chunks up to IEND, leaving out eXIf and the text chunks that hold EXIF or XMP. */
    static byte[] png(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 8);
        int at = 8;
        while (true) {
            if (at + 12 > bytes.length) {
                throw unreadable("PNG");
            }
            long length = u32(bytes, at);
            var type = ascii(bytes, at + 4);
            if (length > bytes.length - at - 12) {
                throw unreadable("PNG");
            }
            int chunk = 12 + (int) length;
            if (!type.equals("eXIf") && !metadataText(type, bytes, at + 8, (int) length)) {
                out.write(bytes, at, chunk);
            }
            at += chunk;
            if (type.equals("IEND")) {
                // whatever trails the image is nobody's picture
                return out.toByteArray();
            }
        }
    }

    private static boolean metadataText(String type, byte[] bytes, int data, int length) {
        if (!(type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt"))) {
            return false;
        }
        int end = data;
        while (end < data + length && bytes[end] != 0) {
            end++;
        }
        return PNG_METADATA_KEYWORDS.contains(new String(bytes, data, end - data, StandardCharsets.ISO_8859_1));
    }

    /** Copies the RIFF chunks but EXIF and XMP, clears their flags in VP8X, and sets the RIFF size again. */
    static byte[] webp(byte[] bytes) {
        long declared = le32(bytes, 4);
        if (declared < 4 || declared > bytes.length - 8L) {
            throw unreadable("WebP");
        }
        int end = 8 + (int) declared;
        var out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 12);
        int at = 12;
        while (at < end) {
            if (at + 8 > end) {
                throw unreadable("WebP");
            }
            var type = ascii(bytes, at);
            long size = le32(bytes, at + 4);
            long padded = size + (size & 1);
            if (padded > end - at - 8L) {
                throw unreadable("WebP");
            }
            int chunk = 8 + (int) padded;
            if (type.equals("VP8X") && size >= 1) {
                var vp8x = java.util.Arrays.copyOfRange(bytes, at, at + chunk);
                vp8x[8] &= (byte) ~(VP8X_EXIF | VP8X_XMP);
                out.write(vp8x, 0, chunk);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(bytes, at, chunk);
            }
            at += chunk;
        }
        var result = out.toByteArray();
        int riff = result.length - 8;
        result[4] = (byte) riff;
        result[5] = (byte) (riff >>> 8);
        result[6] = (byte) (riff >>> 16);
        result[7] = (byte) (riff >>> 24);
        return result;
    }

    private static long le32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL)
                | (bytes[at + 1] & 0xffL) << 8
                | (bytes[at + 2] & 0xffL) << 16
                | (bytes[at + 3] & 0xffL) << 24;
    }

    private static PhotoRefused unreadable(String format) {
        return new PhotoRefused(Reason.UNREADABLE, "is not a readable " + format + " image");
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] rewrite(Writing writing) throws IOException {
        var out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }
}
