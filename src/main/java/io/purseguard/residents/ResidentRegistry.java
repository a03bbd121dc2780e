package io.purseguard.residents;

import io.purseguard.jurisdiction.Placement;
import io.purseguard.platform.BulkCopy;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers residents and their ties in bulk. */
@Service
public class ResidentRegistry {

    private final BulkCopy bulk;
    private final JdbcClient jdbc;

    ResidentRegistry(BulkCopy bulk, JdbcClient jdbc) {
        this.bulk = bulk;
        this.jdbc = jdbc;
    }

    /**
     * Loads residents and ties; each tie is stored in both directions, so pass each pair once.
     *
     * @return the number of residents written
     */
    @Transactional
    public long load(Collection<NewResident> residents, Collection<Tie> ties) {
        long written = bulk.copy(
                "residents.resident",
                Placement.columnsAfter(
                        "id",
                        "name",
                        "id_number",
                        "gender",
                        "birth_date",
                        "phone",
                        "address",
                        "home_village",
                        "occupation",
                        "employer",
                        "tags"),
                residents,
                r -> r.placement()
                        .appendTo(
                                r.id(),
                                r.name(),
                                r.idNumber().value(),
                                r.idNumber().gender().name(),
                                r.idNumber().birthDate(),
                                r.phone(),
                                r.address(),
                                r.homeVillage(),
                                r.occupation(),
                                r.employer(),
                                r.tags() == null ? List.of() : r.tags()));
        bulk.copy(
                "residents.tie",
                List.of("resident_id", "other_id", "relation"),
                () -> ties.stream()
                        .flatMap(t -> java.util.stream.Stream.of(t, t.inverse()))
                        .iterator(),
                t -> new Object[] {t.residentId(), t.otherId(), t.relation().name()});
        jdbc.sql("ANALYZE residents.resident").update();
        jdbc.sql("ANALYZE residents.tie").update();
        return written;
    }
}
