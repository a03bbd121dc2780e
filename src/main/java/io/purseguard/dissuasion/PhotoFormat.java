package io.purseguard.dissuasion;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats a visit photo may be, recognised by their first bytes alone: a declared content
 * type or a file name is whatever the client says, the bytes are what the browser will be given.
 */
enum PhotoFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    /** HEIF with an HEVC brand, as phones take it. */
    HEIC("image/heic"),
    /** HEIF declaring only the generic image brands. */
    HEIF("image/heif");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> HEVC_BRANDS = Set.of("heic", "heix", "hevc", "heim", "heis");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

    private final String contentType;

    PhotoFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The format {@code bytes} are in, or empty when they are none of ours. */
    static Optional<PhotoFormat> of(byte[] bytes) {
        if (bytes.length >= 3 && u8(bytes, 0) == 0xff && u8(bytes, 1) == 0xd8 && u8(bytes, 2) == 0xff) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 12
                && ascii(bytes, 0).equals("RIFF")
                && ascii(bytes, 8).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        return heif(bytes);
    }

    /** An ISO-BMFF file opening with an {@code ftyp} box whose major or a compatible brand is an image one. */
    private static Optional<PhotoFormat> heif(byte[] bytes) {
        if (bytes.length < 16 || !ascii(bytes, 4).equals("ftyp")) {
            return Optional.empty();
        }
        long size = u32(bytes, 0);
        if (size < 16 || size > bytes.length || size % 4 != 0) {
            return Optional.empty();
        }
        boolean hevc = false;
        boolean image = false;
        // the major brand at 8, the minor version at 12, then the compatible brands
        for (int at = 8; at + 4 <= size; at += at == 8 ? 8 : 4) {
            var brand = ascii(bytes, at);
            hevc |= HEVC_BRANDS.contains(brand);
            image |= HEIF_BRANDS.contains(brand);
        }
        return hevc ? Optional.of(HEIC) : image ? Optional.of(HEIF) : Optional.empty();
    }

    static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xff;
    }

    static long u32(byte[] bytes, int at) {
        return (long) u8(bytes, at) << 24 | u8(bytes, at + 1) << 16 | u8(bytes, at + 2) << 8 | u8(bytes, at + 3);
    }

    static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
