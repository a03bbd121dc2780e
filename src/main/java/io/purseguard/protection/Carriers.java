package io.purseguard.protection;

import java.util.Map;

/** Which carrier issued a mainland mobile number, by its three-digit segment (号段). */
public final class Carriers {

    public static final String MOBILE = "中国移动";
    public static final String UNICOM = "中国联通";
    public static final String TELECOM = "中国电信";
    public static final String BROADNET = "中国广电";
    /** Where URL and app blocks go: the national anti-fraud blocking platform. */
    public static final String BLOCKING_PLATFORM = "国家反诈封堵平台";

    private static final Map<String, String> SEGMENTS = Map.ofEntries(
            Map.entry("134", MOBILE),
            Map.entry("135", MOBILE),
            Map.entry("136", MOBILE),
            Map.entry("137", MOBILE),
            Map.entry("138", MOBILE),
            Map.entry("139", MOBILE),
            Map.entry("147", MOBILE),
            Map.entry("150", MOBILE),
            Map.entry("151", MOBILE),
            Map.entry("152", MOBILE),
            Map.entry("157", MOBILE),
            Map.entry("158", MOBILE),
            Map.entry("159", MOBILE),
            Map.entry("172", MOBILE),
            Map.entry("178", MOBILE),
            Map.entry("182", MOBILE),
            Map.entry("183", MOBILE),
            Map.entry("184", MOBILE),
            Map.entry("187", MOBILE),
            Map.entry("188", MOBILE),
            Map.entry("195", MOBILE),
            Map.entry("197", MOBILE),
            Map.entry("198", MOBILE),
            Map.entry("130", UNICOM),
            Map.entry("131", UNICOM),
            Map.entry("132", UNICOM),
            Map.entry("145", UNICOM),
            Map.entry("155", UNICOM),
            Map.entry("156", UNICOM),
            Map.entry("166", UNICOM),
            Map.entry("175", UNICOM),
            Map.entry("176", UNICOM),
            Map.entry("185", UNICOM),
            Map.entry("186", UNICOM),
            Map.entry("196", UNICOM),
            Map.entry("133", TELECOM),
            Map.entry("149", TELECOM),
            Map.entry("153", TELECOM),
            Map.entry("173", TELECOM),
            Map.entry("177", TELECOM),
            Map.entry("180", TELECOM),
            Map.entry("181", TELECOM),
            Map.entry("189", TELECOM),
            Map.entry("190", TELECOM),
            Map.entry("191", TELECOM),
            Map.entry("193", TELECOM),
            Map.entry("199", TELECOM),
            Map.entry("192", BROADNET));

    private Carriers() {}

    /** The carrier of an 11-digit mobile number; China Mobile, the largest, when the segment is unknown. */
    public static String of(String mobile) {
        return SEGMENTS.getOrDefault(mobile.substring(0, 3), MOBILE);
    }
}
