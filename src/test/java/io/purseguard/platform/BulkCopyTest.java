package io.purseguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkCopyTest {

    @Test
    void text_format_escapes_separators_and_writes_nulls_and_arrays() {
        var out = new StringBuilder();
        BulkCopy.appendRow(out, new Object[] {"a\tb\\c\nd", null, 42, List.of("老年人", "say \"hi\"")}, 4);
        assertThat(out.toString()).isEqualTo("a\\tb\\\\c\\nd\t\\N\t42\t{\"老年人\",\"say \\\\\"hi\\\\\"\"}\n");
    }
}
