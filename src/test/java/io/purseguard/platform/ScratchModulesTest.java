package io.purseguard.platform;

import io.purseguard.PurseguardApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ScratchModulesTest {
    @Test
    void verify() {
        var m = ApplicationModules.of(PurseguardApplication.class);
        m.forEach(System.out::println);
        m.verify();
    }
}
