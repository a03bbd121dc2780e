/**
 * The unit tree (city, district, police station, township, community, grid), the staff who work in it and the stations' duty rotation. Units and staff are plain data; scope (what a caller may see) is expressed as {@link io.purseguard.scope.Scope} and applied in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jurisdiction · 辖区")
package io.purseguard.jurisdiction;
