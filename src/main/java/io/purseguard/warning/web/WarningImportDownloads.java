package io.purseguard.warning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Workbooks as downloads: the right type, a Chinese file name that survives every browser, no caching.
 * Written straight to the response in the request's thread (not as an async StreamingResponseBody,
 * whose second dispatch a bearer token would not authenticate).
 */
final class WarningImportDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Writes a workbook to a stream. */
    interface Workbook {
        void writeTo(OutputStream out) throws IOException;
    }

    private WarningImportDownloads() {}

    static void xlsx(HttpServletResponse response, String fileName, Workbook workbook) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        // the error report and the feedback hold personal data: keep them out of shared caches
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        workbook.writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
