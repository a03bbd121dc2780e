package io.purseguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 钱袋子守护 · 反诈预警劝阻平台: one modular monolith, one top-level package per module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class PurseguardApplication {

    public static void main(String[] args) {
        SpringApplication.run(PurseguardApplication.class, args);
    }
}
