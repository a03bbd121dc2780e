package io.purseguard.casework.web;

import io.purseguard.casework.CaseQuery;
import io.purseguard.casework.CaseStatus;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** The case list's filters as the page's query string reads them, and back into links. */
record CaseForms(
        String type, String status, String unit, String from, String to, String loss, String age, Integer page) {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    /** Loss bands (Nanhe's): under ¥10k, ¥10k–50k, over ¥50k. */
    static final Map<String, BigDecimal[]> LOSS_BANDS = new LinkedHashMap<>();

    /** Victims' age bands. */
    static final Map<String, int[]> AGE_BANDS = new LinkedHashMap<>();

    static {
        LOSS_BANDS.put("lt10k", new BigDecimal[] {null, new BigDecimal("10000")});
        LOSS_BANDS.put("10k-50k", new BigDecimal[] {new BigDecimal("10000"), new BigDecimal("50000")});
        LOSS_BANDS.put("gt50k", new BigDecimal[] {new BigDecimal("50000"), null});
        AGE_BANDS.put("u18", new int[] {0, 17});
        AGE_BANDS.put("18-34", new int[] {18, 34});
        AGE_BANDS.put("35-49", new int[] {35, 49});
        AGE_BANDS.put("50-64", new int[] {50, 64});
        AGE_BANDS.put("65+", new int[] {65, 150});
    }

    CaseQuery query(int size) {
        var lossBand = LOSS_BANDS.get(loss);
        var ageBand = AGE_BANDS.get(age);
        return new CaseQuery(
                parse(FraudType.class, type),
                parse(CaseStatus.class, status),
                blank(unit),
                date(from) == null ? null : date(from).atStartOfDay(LOCAL).toInstant(),
                date(to) == null
                        ? null
                        : date(to).plusDays(1).atStartOfDay(LOCAL).toInstant(),
                null,
                lossBand == null ? null : lossBand[0],
                lossBand == null ? null : lossBand[1],
                ageBand == null ? null : ageBand[0],
                ageBand == null ? null : ageBand[1],
                page == null ? 0 : Math.max(0, page),
                size);
    }

    public String link(String base, int toPage) {
        var uri = UriComponentsBuilder.fromPath(base);
        put(uri, "type", type);
        put(uri, "status", status);
        put(uri, "unit", unit);
        put(uri, "from", from);
        put(uri, "to", to);
        put(uri, "loss", loss);
        put(uri, "age", age);
        if (toPage > 0) {
            uri.queryParam("page", toPage);
        }
        return uri.build().encode().toUriString();
    }

    private static void put(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
