package io.purseguard.dissuasion;

import java.util.List;
import java.util.Map;

/**
 * How a reason names an officer: by surname only, "民警李某" / "Officer Li", so that a team list says
 * whom to call without spelling out the officer's full name.
 */
final class OfficerNames {

    private static final List<String> COMPOUND_SURNAMES =
            List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "端木", "司徒");

    private static final Map<String, String> PINYIN = Map.ofEntries(
            Map.entry("王", "Wang"),
            Map.entry("李", "Li"),
            Map.entry("张", "Zhang"),
            Map.entry("刘", "Liu"),
            Map.entry("陈", "Chen"),
            Map.entry("杨", "Yang"),
            Map.entry("黄", "Huang"),
            Map.entry("赵", "Zhao"),
            Map.entry("吴", "Wu"),
            Map.entry("周", "Zhou"),
            Map.entry("徐", "Xu"),
            Map.entry("孙", "Sun"),
            Map.entry("马", "Ma"),
            Map.entry("朱", "Zhu"),
            Map.entry("胡", "Hu"),
            Map.entry("郭", "Guo"),
            Map.entry("何", "He"),
            Map.entry("高", "Gao"),
            Map.entry("林", "Lin"),
            Map.entry("罗", "Luo"),
            Map.entry("郑", "Zheng"),
            Map.entry("梁", "Liang"),
            Map.entry("谢", "Xie"),
            Map.entry("宋", "Song"),
            Map.entry("唐", "Tang"),
            Map.entry("许", "Xu"),
            Map.entry("韩", "Han"),
            Map.entry("冯", "Feng"),
            Map.entry("邓", "Deng"),
            Map.entry("曹", "Cao"),
            Map.entry("彭", "Peng"),
            Map.entry("曾", "Zeng"),
            Map.entry("肖", "Xiao"),
            Map.entry("田", "Tian"),
            Map.entry("董", "Dong"),
            Map.entry("袁", "Yuan"),
            Map.entry("潘", "Pan"),
            Map.entry("于", "Yu"),
            Map.entry("蒋", "Jiang"),
            Map.entry("蔡", "Cai"),
            Map.entry("余", "Yu"),
            Map.entry("杜", "Du"),
            Map.entry("叶", "Ye"),
            Map.entry("程", "Cheng"),
            Map.entry("苏", "Su"),
            Map.entry("魏", "Wei"),
            Map.entry("吕", "Lü"),
            Map.entry("丁", "Ding"),
            Map.entry("任", "Ren"),
            Map.entry("沈", "Shen"),
            Map.entry("姚", "Yao"),
            Map.entry("卢", "Lu"),
            Map.entry("姜", "Jiang"),
            Map.entry("崔", "Cui"),
            Map.entry("钟", "Zhong"),
            Map.entry("谭", "Tan"),
            Map.entry("陆", "Lu"),
            Map.entry("汪", "Wang"),
            Map.entry("范", "Fan"),
            Map.entry("金", "Jin"),
            Map.entry("石", "Shi"),
            Map.entry("廖", "Liao"),
            Map.entry("贾", "Jia"),
            Map.entry("夏", "Xia"),
            Map.entry("韦", "Wei"),
            Map.entry("付", "Fu"),
            Map.entry("方", "Fang"),
            Map.entry("白", "Bai"),
            Map.entry("邹", "Zou"),
            Map.entry("孟", "Meng"),
            Map.entry("熊", "Xiong"),
            Map.entry("秦", "Qin"),
            Map.entry("邱", "Qiu"),
            Map.entry("江", "Jiang"),
            Map.entry("尹", "Yin"),
            Map.entry("薛", "Xue"),
            Map.entry("闫", "Yan"),
            Map.entry("段", "Duan"),
            Map.entry("雷", "Lei"),
            Map.entry("侯", "Hou"),
            Map.entry("龙", "Long"),
            Map.entry("史", "Shi"),
            Map.entry("陶", "Tao"),
            Map.entry("黎", "Li"),
            Map.entry("贺", "He"),
            Map.entry("顾", "Gu"),
            Map.entry("毛", "Mao"),
            Map.entry("郝", "Hao"),
            Map.entry("龚", "Gong"),
            Map.entry("邵", "Shao"),
            Map.entry("万", "Wan"),
            Map.entry("钱", "Qian"),
            Map.entry("严", "Yan"),
            Map.entry("覃", "Qin"),
            Map.entry("武", "Wu"),
            Map.entry("戴", "Dai"),
            Map.entry("莫", "Mo"),
            Map.entry("孔", "Kong"),
            Map.entry("向", "Xiang"),
            Map.entry("汤", "Tang"),
            Map.entry("欧阳", "Ouyang"),
            Map.entry("司马", "Sima"),
            Map.entry("诸葛", "Zhuge"),
            Map.entry("上官", "Shangguan"));

    private OfficerNames() {}

    /** The surname: a known two-character one (欧阳), else the first character. */
    static String surname(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        var text = name.strip();
        for (var compound : COMPOUND_SURNAMES) {
            if (text.startsWith(compound) && text.length() > compound.length()) {
                return compound;
            }
        }
        return text.substring(0, text.offsetByCodePoints(0, 1));
    }

    /** {@code 李明} → {@code 李某}. */
    static String zh(String name) {
        return surname(name) + "某";
    }

    /** {@code 李明} → {@code Li}; a surname without a known romanisation stays as {@code 李某}. */
    static String en(String name) {
        var surname = surname(name);
        var pinyin = PINYIN.get(surname);
        return pinyin != null ? pinyin : surname + "某";
    }
}
