package io.purseguard.dissuasion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checklist worked through with the person: the "三必问两告知" of a dissuasion (seed 004; no public
 * text exists, so this is a configurable default) or the "三清" of a revisit. Versioned like every
 * setting; a task records the version it used.
 */
public record Checklist(List<Item> items) {

    /** One line: a question to ask ({@code ASK}) or something to tell ({@code TELL}). */
    public record Item(String id, String kind, String zh, String en) {}

    public static final String DISSUASION = "checklist.dissuasion";
    public static final String REVISIT = "checklist.revisit";
    /** 案件回访: the revisit of a victim after a case is filed (casework); versioned here like the others. */
    public static final String CASE_REVISIT = "checklist.case-revisit";

    public static final Checklist DISSUASION_DEFAULT = new Checklist(List.of(
            new Item("ask-contact", "ASK", "是否接到可疑电话或短信", "Any suspicious call or message?"),
            new Item("ask-app", "ASK", "是否下载了陌生APP或开启了屏幕共享", "Installed an app or shared the screen?"),
            new Item("ask-transfer", "ASK", "是否已经转账汇款", "Has money been transferred?"),
            new Item("tell-method", "TELL", "告知此类诈骗的手法", "Told how this fraud works"),
            new Item("tell-hotline", "TELL", "告知96110、110求助电话", "Told about 96110 and 110")));

    public static final Checklist REVISIT_DEFAULT = new Checklist(List.of(
            new Item("clear-facts", "ASK", "被骗事实清：是否已转账、损失多少", "The facts are clear: any money lost, how much"),
            new Item("clear-situation", "ASK", "当前状况清：是否仍与对方联系", "The situation is clear: still in contact with them?"),
            new Item("clear-policy", "TELL", "反诈政策讲清", "The anti-fraud policy has been explained")));

    public static final Checklist CASE_REVISIT_DEFAULT = new Checklist(List.of(
            new Item(
                    "victim-situation",
                    "ASK",
                    "受害人现状：生活和情绪是否稳定，是否仍与对方联系",
                    "The victim's situation: coping, and still in contact with them?"),
            new Item(
                    "recovery-explained",
                    "TELL",
                    "讲清追赃挽损进展：已止付、冻结、返还多少，还需多久",
                    "Explained what was stopped, frozen and returned, and what comes next"),
            new Item(
                    "recovery-scam",
                    "TELL",
                    "警惕“追损/退款”二次诈骗：凡称能帮忙追回被骗钱款、要求先交费的，都是诈骗",
                    "Warned against recovery scams: anyone promising to get the money back for a fee is a fraudster"),
            new Item("contact-officer", "TELL", "告知办案民警联系方式和96110", "Gave the officer's contact and 96110")));

    public Set<String> ids() {
        return items.stream().map(Item::id).collect(Collectors.toSet());
    }

    /** Problems by field; empty when usable. */
    public Map<String, String> problems() {
        var problems = new LinkedHashMap<String, String>();
        if (items == null || items.isEmpty()) {
            problems.put("items", "a checklist needs at least one item");
            return problems;
        }
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item.id() == null || !item.id().matches("[a-z0-9-]{1,40}")) {
                problems.put("items[" + i + "].id", "lower-case letters, digits and dashes");
            }
            if (!"ASK".equals(item.kind()) && !"TELL".equals(item.kind())) {
                problems.put("items[" + i + "].kind", "ASK or TELL");
            }
            if (item.zh() == null
                    || item.zh().isBlank()
                    || item.en() == null
                    || item.en().isBlank()) {
                problems.put("items[" + i + "].text", "needs the Chinese and the English text");
            }
        }
        if (items.stream().map(Item::id).distinct().count() != items.size()) {
            problems.put("items", "ids must be distinct");
        }
        return problems;
    }
}
