package io.purseguard.demo;

import io.purseguard.scope.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed map of 澄川市: districts, police stations, townships, communities and grids with their
 * codes and names. It does not depend on the seed (only the people do), so codes in bookmarks,
 * tests and the demo accounts stay valid across regenerations.
 */
final class CityPlan {

    static final String CITY_CODE = "329900";
    static final String CITY_NAME = "澄川市";
    static final int GRIDS_PER_COMMUNITY = 5;
    static final int COMMUNITIES_PER_TOWNSHIP = 5;

    /** How a township is administered; it decides whether its communities are 社区 or 村. */
    enum TownshipType {
        /** 街道: urban, five 社区. */
        STREET,
        /** 镇: one 社区 at the seat, four 村. */
        TOWN,
        /** 乡: five 村. */
        RURAL
    }

    // name, townships (typed by suffix), stations as "name:township numbers"
    private static final String[][] DISTRICTS = {
        {"329901", "东湖区", "柳塘街道,明湖街道,文昌街道,鼓楼街道,临江街道,望川街道,翠苑街道,桂园街道", "青石:1,2;文昌:3,4;临江:5,6;翠苑:7;桂园:8"},
        {"329902", "青川区", "青川街道,新桥街道,凤凰街道,白沙街道,龙口镇,石门镇,桃溪镇,河湾镇", "青川:1,2;凤凰:3,4;龙口:5,6;桃溪:7,8"},
        {"329903", "云岭区", "云岭镇,松林镇,马坪镇,清溪镇,黄土镇,双河镇,高山乡,竹坪乡", "云岭:1,7;松林:2,3,8;清溪:4,5;双河:6"}
    };

    private static final String[] URBAN_NAMES = (""
                    + "杏花,荷塘,春晖,新华,锦绣,金桥,银杏,桃源,丰泽,和平,振兴,南苑,北辰,清风,康乐,阳光,紫荆,玉兰,梧桐,枫林,"
                    + "滨江,龙泉,凤鸣,长青,建设,人民,幸福,朝阳,青云,白鹭,松柏,宏图,秀水,育才,光明,东升,西苑,状元,书院,水岸,"
                    + "花园,泰安,永安,福寿,迎宾,锦江,翠竹,碧波,双桥,文峰,嘉禾,怡景,丽景,鹿鸣,明珠,桂花,月湖,星光,华府,红旗")
            .split(",");

    private static final String[] VILLAGE_NAMES = (""
                    + "杏花,石桥,柳溪,枣林,竹园,高家湾,李家坪,下塘,黄泥岗,白果,青龙,金鸡,凤凰山,桃园,梨树湾,大坪,小河,沙坝,"
                    + "长岭,官庄,新店,古井,庙前,荷花,双塘,松树坪,杨柳,胡家,陈家湾,王家岭,张家山,田坝,茶园,柏树,龙潭,观音,石板,"
                    + "河口,油坊,水井,马鞍,东坡,向阳,红星,团结,太平,永丰,五里,三合,大湾")
            .split(",");

    final List<District> districts = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    final List<Township> townships = new ArrayList<>();
    final List<Community> communities = new ArrayList<>();
    final List<Grid> grids = new ArrayList<>();

    private CityPlan() {}

    static CityPlan build() {
        var plan = new CityPlan();
        int urbanNames = 0;
        int villageNames = 0;
        for (String[] spec : DISTRICTS) {
            var district = new District(spec[0], spec[1]);
            plan.districts.add(district);
            String[] townshipNames = spec[2].split(",");
            for (int t = 0; t < townshipNames.length; t++) {
                String name = townshipNames[t];
                var type = name.endsWith("街道")
                        ? TownshipType.STREET
                        : name.endsWith("镇") ? TownshipType.TOWN : TownshipType.RURAL;
                var township = new Township(district.code + (101 + t), name, type, district);
                district.townships.add(township);
                plan.townships.add(township);
            }
            String[] stationSpecs = spec[3].split(";");
            for (int s = 0; s < stationSpecs.length; s++) {
                String[] parts = stationSpecs[s].split(":");
                var station =
                        new Station(district.code + "P" + String.format("%02d", s + 1), parts[0] + "派出所", district);
                for (String number : parts[1].split(",")) {
                    var township = district.townships.get(Integer.parseInt(number) - 1);
                    station.townships.add(township);
                    township.station = station;
                }
                district.stations.add(station);
                plan.stations.add(station);
            }
            for (var township : district.townships) {
                for (int c = 0; c < COMMUNITIES_PER_TOWNSHIP; c++) {
                    boolean village =
                            township.type == TownshipType.RURAL || (township.type == TownshipType.TOWN && c > 0);
                    String name;
                    if (!village && township.type == TownshipType.TOWN) {
                        // the town seat's community carries the town's name
                        name = township.name.substring(0, township.name.length() - 1) + "社区";
                    } else if (village) {
                        name = VILLAGE_NAMES[villageNames++] + "村";
                    } else {
                        name = URBAN_NAMES[urbanNames++] + "社区";
                    }
                    var community = new Community(township.code + (201 + c), name, village, township);
                    township.communities.add(community);
                    plan.communities.add(community);
                    for (int g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
                        var grid = new Grid(
                                community.code + String.format("%02d", g),
                                "第" + g + "网格",
                                g,
                                community,
                                plan.grids.size());
                        community.grids.add(grid);
                        plan.grids.add(grid);
                    }
                }
            }
        }
        // station order in the station's own list: its communities, township by township
        for (var station : plan.stations) {
            for (var township : station.townships) {
                station.communities.addAll(township.communities);
            }
        }
        return plan;
    }

    Station station(String code) {
        return stations.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }

    Community community(String code) {
        return communities.stream().filter(c -> c.code.equals(code)).findFirst().orElseThrow();
    }

    static final class District {
        final String code;
        final String name;
        final List<Township> townships = new ArrayList<>();
        final List<Station> stations = new ArrayList<>();

        District(String code, String name) {
            this.code = code;
            this.name = name;
        }

        Placement placement() {
            return new Placement(code, null, null, null, null);
        }
    }

    static final class Station {
        final String code;
        final String name;
        final District district;
        final List<Township> townships = new ArrayList<>();
        final List<Community> communities = new ArrayList<>();

        Station(String code, String name, District district) {
            this.code = code;
            this.name = name;
            this.district = district;
        }

        Placement placement() {
            return new Placement(district.code, code, null, null, null);
        }
    }

    static final class Township {
        final String code;
        final String name;
        final TownshipType type;
        final District district;
        final List<Community> communities = new ArrayList<>();
        Station station;

        Township(String code, String name, TownshipType type, District district) {
            this.code = code;
            this.name = name;
            this.type = type;
            this.district = district;
        }

        Placement placement() {
            return new Placement(district.code, null, code, null, null);
        }

        /** The township government's own name: 街道办事处 or 镇/乡人民政府. */
        String office() {
            return type == TownshipType.STREET ? name + "办事处" : name + "人民政府";
        }
    }

    static final class Community {
        final String code;
        final String name;
        final boolean village;
        final Township township;
        final List<Grid> grids = new ArrayList<>();

        Community(String code, String name, boolean village, Township township) {
            this.code = code;
            this.name = name;
            this.village = village;
            this.township = township;
        }

        Placement placement() {
            return new Placement(township.district.code, township.station.code, township.code, code, null);
        }

        /** 澄川市东湖区柳塘街道杏花社区: the start of every address here. */
        String fullName() {
            return CITY_NAME + township.district.name + township.name + name;
        }

        /** 居委会 for a 社区, 村委会 for a 村. */
        String committee() {
            return name + (village ? "委会" : "居委会");
        }
    }

    static final class Grid {
        final String code;
        final String name;
        final int number;
        final Community community;
        /** Position in {@link CityPlan#grids}, for per-grid arrays. */
        final int index;

        private Placement placement;

        Grid(String code, String name, int number, Community community, int index) {
            this.code = code;
            this.name = name;
            this.number = number;
            this.community = community;
            this.index = index;
        }

        /** Shared by every resident of the grid (built once the stations are known). */
        Placement placement() {
            if (placement == null) {
                var c = community;
                placement =
                        new Placement(c.township.district.code, c.township.station.code, c.township.code, c.code, code);
            }
            return placement;
        }
    }
}
