package io.purseguard.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first start's state before the demo city is committed, as the sign-in page can see it: the
 * city's accounts arrive with it, in one transaction, so until then there is no demo account. Here
 * {@code center} is put out of sight for the duration of {@code check}, and back afterwards.
 */
final class DemoCityPending {

    private DemoCityPending() {}

    static void during(JdbcClient jdbc, Runnable check) {
        jdbc.sql("UPDATE identity.app_user SET username = 'center-waiting' WHERE username = 'center'")
                .update();
        try {
            check.run();
        } finally {
            jdbc.sql("UPDATE identity.app_user SET username = 'center' WHERE username = 'center-waiting'")
                    .update();
        }
    }
}
