package io.purseguard.dissuasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.dissuasion.Tasks.PhotoRefused;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;

/** What a photo is, read from its bytes, and what is left of it once its position is taken out. */
class PhotoContentTest {

    @Test
    void each_format_is_recognised_by_its_first_bytes_and_nothing_else_is() {
        assertThat(PhotoFormat.of(TestPhotos.jpeg())).contains(PhotoFormat.JPEG);
        assertThat(PhotoFormat.of(TestPhotos.png())).contains(PhotoFormat.PNG);
        assertThat(PhotoFormat.of(TestPhotos.webpWithExif())).contains(PhotoFormat.WEBP);
        assertThat(PhotoFormat.of(TestPhotos.heic())).contains(PhotoFormat.HEIC);
        assertThat(PhotoFormat.HEIC.contentType()).isEqualTo("image/heic");

        var generic = TestPhotos.heic();
        System.arraycopy("mif1".getBytes(StandardCharsets.US_ASCII), 0, generic, 8, 4);
        System.arraycopy("miaf".getBytes(StandardCharsets.US_ASCII), 0, generic, 20, 4);
        assertThat(PhotoFormat.of(generic)).contains(PhotoFormat.HEIF);

        var mp4 = TestPhotos.heic();
        System.arraycopy("isom".getBytes(StandardCharsets.US_ASCII), 0, mp4, 8, 4);
        System.arraycopy("isom".getBytes(StandardCharsets.US_ASCII), 0, mp4, 16, 4);
        System.arraycopy("avc1".getBytes(StandardCharsets.US_ASCII), 0, mp4, 20, 4);
        assertThat(PhotoFormat.of(mp4)).as("a video's ftyp").isEmpty();

        assertThat(PhotoFormat.of("just some text, named photo.jpg".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(PhotoFormat.of("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(PhotoFormat.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoFormat.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(PhotoFormat.of(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
    }

    @Test
    void a_jpeg_loses_its_gps_directory_and_keeps_its_orientation_and_pixels() throws Exception {
        var original = TestPhotos.jpegWithGps();
        assertThat(TestPhotos.exifOf(original).getGpsInfo())
                .as("the test photo has a position")
                .isNotNull();

        var stripped = StrippingLocation.from(PhotoFormat.JPEG, original);

        var exif = TestPhotos.exifOf(stripped);
        assertThat(exif.getGpsInfo()).isNull();
        // not merely unlinked: the rationals of the latitude are nowhere in the file any more
        var latitude = TestPhotos.exifOf(original)
                .findField(GpsTagConstants.GPS_TAG_GPS_LATITUDE)
                .getByteArrayValue();
        assertThat(indexOf(original, latitude)).isPositive();
        assertThat(indexOf(stripped, latitude)).isEqualTo(-1);
        assertThat(exif.findDirectory(-3)).as("no GPS directory").isNull();
        assertThat(exif.getFieldValue(TiffTagConstants.TIFF_TAG_ORIENTATION)).isEqualTo((short) TestPhotos.ORIENTATION);
        assertThat(exif.getFieldValue(TiffTagConstants.TIFF_TAG_MAKE)).containsExactly("Purseguard Test Camera");
        // lossless: the compressed picture after the EXIF segment is the same bytes
        assertThat(tail(stripped, 300)).isEqualTo(tail(original, 300));
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(48);
    }

    @Test
    void a_jpeg_without_exif_is_kept_as_it_is() {
        var plain = TestPhotos.jpeg();
        assertThat(StrippingLocation.from(PhotoFormat.JPEG, plain)).isEqualTo(plain);
    }

    @Test
    void a_png_loses_its_exif_and_xmp_chunks_and_keeps_its_picture() throws Exception {
        var original = TestPhotos.pngWithExif();
        assertThat(pngChunks(original)).contains("eXIf", "iTXt");

        var stripped = StrippingLocation.from(PhotoFormat.PNG, original);

        assertThat(pngChunks(stripped)).doesNotContain("eXIf", "iTXt").contains("IHDR", "IDAT", "IEND");
        assertThat(stripped).isEqualTo(TestPhotos.png());
        var picture = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(picture.getRGB(10, 10)).isEqualTo(TestPhotos.picture().getRGB(10, 10));
    }

    @Test
    void a_png_keeps_its_other_text_and_loses_what_trails_iend() {
        var plain = TestPhotos.png();
        var comment = TestPhotos.chunk("tEXt", "Comment\0door of unit 3".getBytes(StandardCharsets.ISO_8859_1));
        var withComment = concat(Arrays.copyOf(plain, 33), comment, Arrays.copyOfRange(plain, 33, plain.length));
        var trailing = concat(withComment, "GPS 30.27N".getBytes(StandardCharsets.US_ASCII));

        assertThat(StrippingLocation.from(PhotoFormat.PNG, trailing)).isEqualTo(withComment);
    }

    @Test
    void a_webp_loses_its_exif_chunk_and_flag_and_its_riff_size_is_set_again() {
        var original = TestPhotos.webpWithExif();

        var stripped = StrippingLocation.from(PhotoFormat.WEBP, original);

        assertThat(riffChunks(stripped)).containsExactly("VP8X", "VP8L");
        assertThat(le32(stripped, 4)).isEqualTo(stripped.length - 8);
        assertThat(stripped[20] & 0x08).as("the EXIF flag of VP8X").isZero();
        assertThat(Arrays.copyOfRange(stripped, 30, stripped.length))
                .as("the picture chunk as it was")
                .isEqualTo(Arrays.copyOfRange(original, 30, 30 + 22));
    }

    @Test
    void a_broken_container_is_refused_as_unreadable_and_a_heic_for_its_position() {
        var png = TestPhotos.pngWithExif();
        assertThatThrownBy(() -> StrippingLocation.from(PhotoFormat.PNG, Arrays.copyOf(png, 60)))
                .isInstanceOfSatisfying(
                        PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(PhotoRefused.Reason.UNREADABLE));
        var webp = TestPhotos.webpWithExif();
        webp[16] = 0x7f; // VP8X claims more than the file holds
        assertThatThrownBy(() -> StrippingLocation.from(PhotoFormat.WEBP, webp))
                .isInstanceOfSatisfying(
                        PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(PhotoRefused.Reason.UNREADABLE));
        var jpeg = Arrays.copyOf(TestPhotos.jpegWithGps(), 40);
        assertThatThrownBy(() -> StrippingLocation.from(PhotoFormat.JPEG, jpeg))
                .isInstanceOfSatisfying(
                        PhotoRefused.class, e -> assertThat(e.field()).isEqualTo("photo"));
        assertThatThrownBy(() -> StrippingLocation.from(PhotoFormat.HEIC, TestPhotos.heic()))
                .isInstanceOfSatisfying(
                        PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(PhotoRefused.Reason.HEIC_LOCATION));
    }

    private static List<String> pngChunks(byte[] png) {
        var types = new ArrayList<String>();
        for (int at = 8; at < png.length; ) {
            int length = (int) PhotoFormat.u32(png, at);
            types.add(PhotoFormat.ascii(png, at + 4));
            at += 12 + length;
        }
        return types;
    }

    private static List<String> riffChunks(byte[] webp) {
        var types = new ArrayList<String>();
        for (int at = 12; at < webp.length; ) {
            int size = le32(webp, at + 4);
            types.add(PhotoFormat.ascii(webp, at));
            at += 8 + size + (size & 1);
        }
        return types;
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] tail(byte[] bytes, int n) {
        return Arrays.copyOfRange(bytes, bytes.length - n, bytes.length);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
