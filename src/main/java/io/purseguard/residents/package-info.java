/**
 * The resident registry: persons with a GB 11643 ID number, their grid, occupation, employer and tags, and the ties between persons (kin, colleague, classmate, home village).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents · 实有人口")
package io.purseguard.residents;
