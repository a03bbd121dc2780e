package io.purseguard.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A provincial sheet with bad rows: the good rows go in, each bad one is reported by row and column in Chinese. */
@PurseguardTest
class CaseImportTest {

    static final Caller STATION =
            new Caller("case-import", "民警丙", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01"));

    @Autowired
    CaseImport imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void good_rows_are_kept_bad_rows_are_named_by_row_and_column_and_a_second_import_adds_nothing() throws Exception {
        var people = jdbc.sql(
                        "SELECT name, id_number, phone FROM residents.resident WHERE station_code = '329901P01' ORDER BY id LIMIT 20")
                .query(CaseSheets.Person.class)
                .list();
        var file = Files.createTempFile("cases", ".xlsx");
        CaseSheets.write(
                file,
                5,
                "IMP-TEST-",
                "329901P01",
                people,
                List.of(
                        // row 7: a wrong check digit; row 8: another station's; row 9: no narrative, a bad amount
                        row(
                                "IMP-BAD-1",
                                "2026-03-04 10:00",
                                "329901P01",
                                "王某",
                                "329901199001011234",
                                "电信诈骗？",
                                "12a",
                                "被骗了"),
                        row("IMP-BAD-2", "2026-03-04 10:00", "329902P01", "李某", null, null, "100", "对方冒充客服"),
                        row("IMP-BAD-3", "昨天", "329901P01", "张某", null, null, "100", null)));
        var report = imports.importFile(file, STATION, rows -> {});
        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.imported()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.errors())
                .extracting(CaseImport.RowError::row, CaseImport.RowError::column)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(7, "身份证号"),
                        org.assertj.core.groups.Tuple.tuple(7, "诈骗类型"),
                        org.assertj.core.groups.Tuple.tuple(7, "损失金额"),
                        org.assertj.core.groups.Tuple.tuple(8, "受理单位"),
                        org.assertj.core.groups.Tuple.tuple(9, "接报时间"),
                        org.assertj.core.groups.Tuple.tuple(9, "简要案情"));
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).containsPattern("\\p{IsHan}"));
        assertThat(jdbc.sql("SELECT count(*) FROM casework.fraud_case WHERE upstream_ref LIKE 'IMP-TEST-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM casework.identifier i JOIN casework.fraud_case c ON c.id = i.case_id"
                                + " WHERE c.upstream_ref LIKE 'IMP-TEST-%' AND i.kind = 'BANK_CARD'")
                        .query(Long.class)
                        .single())
                .isPositive();

        var again = imports.importFile(file, STATION, rows -> {});
        assertThat(again.imported()).isZero();
        assertThat(again.duplicate()).isEqualTo(5);
        Files.deleteIfExists(file);
    }

    private static List<String> row(
            String ref, String time, String unit, String name, String id, String type, String loss, String narrative) {
        return Arrays.asList(ref, time, unit, name, id, null, null, type, loss, narrative, null, null, null, null);
    }
}
