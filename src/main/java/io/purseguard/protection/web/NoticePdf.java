package io.purseguard.protection.web;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.purseguard.identity.Caller;
import io.purseguard.identity.UserAccounts;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureNotices;
import io.purseguard.protection.MeasureView;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 协助冻结/止付通知书 as a PDF: the city police bureau's heading, the notice's title and document
 * number, the addressee (the bank, carrier or blocking platform), the legal basis, the target in full,
 * the amount, the times, the requester and a place for the seal.
 *
 * <p>The text is Chinese whatever the reader's language: it is an official document. It is set in Noto
 * Sans SC (SIL Open Font License, from the {@code ph-fonts-noto-sans-sc} jar on the class path),
 * embedded as a subset with {@code Identity-H} and a ToUnicode map, so it renders on any reader with no
 * fonts installed and its text can be searched and copied.
 */
@Component
class NoticePdf {

    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Color RED = new Color(0xC0, 0x1B, 0x1B);
    private static final Color GREY = new Color(0x5B, 0x68, 0x78);

    /** The notice's title for each measure. */
    static final Map<MeasureKind, String> TITLES = Map.of(
            MeasureKind.STOP_PAYMENT, "协助紧急止付通知书",
            MeasureKind.FREEZE, "协助冻结财产通知书",
            MeasureKind.UNFREEZE_RETURN, "协助解冻返还资金通知书",
            MeasureKind.PHONE_RESTRICTION, "协助限制电话卡功能通知书",
            MeasureKind.URL_BLOCK, "协助封堵网址通知书",
            MeasureKind.APP_BLOCK, "协助封堵应用程序通知书",
            MeasureKind.CARD_CUT, "协助断卡处置通知书");

    private static final Map<MeasureKind, String> NAMES = Map.of(
            MeasureKind.STOP_PAYMENT, "紧急止付",
            MeasureKind.FREEZE, "冻结",
            MeasureKind.UNFREEZE_RETURN, "解冻返还",
            MeasureKind.PHONE_RESTRICTION, "限制（暂停）电话卡功能",
            MeasureKind.URL_BLOCK, "封堵网址",
            MeasureKind.APP_BLOCK, "封堵应用程序",
            MeasureKind.CARD_CUT, "断卡处置");

    private final Units units;
    private final UserAccounts accounts;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Fonts fonts;

    private record Fonts(BaseFont regular, BaseFont bold) {}

    NoticePdf(
            Units units,
            UserAccounts accounts,
            Clock clock,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.units = units;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    /** The file name a browser saves the notice as. */
    static String fileName(MeasureView m) {
        return TITLES.get(m.kind()) + "-" + m.documentNo() + ".pdf";
    }

    byte[] render(MeasureNotices.Notice notice, Caller printedBy) {
        var m = notice.measure();
        var f = fonts();
        var bureau = cityName() + "公安局";
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 64, 64, 48, 40);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.addTitle(TITLES.get(m.kind()) + " " + m.documentNo());
            document.addAuthor(bureau);
            document.addCreator("钱袋子守护 Purseguard");
            document.open();

            var heading = new Paragraph(bureau, new Font(f.bold(), 22, Font.NORMAL, RED));
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            var title = new Paragraph(TITLES.get(m.kind()), new Font(f.bold(), 18));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(2);
            document.add(title);
            var number = new Paragraph(m.documentNo(), new Font(f.regular(), 11));
            number.setAlignment(Element.ALIGN_RIGHT);
            number.setSpacingBefore(4);
            document.add(number);
            // the red rule under the heading, set in the notice's font so that no other font is embedded
            var line = new Chunk(new com.lowagie.text.pdf.draw.LineSeparator(1.2f, 100, RED, 0, -2));
            line.setFont(new Font(f.regular(), 11));
            var rule = new Paragraph(line);
            document.add(rule);

            var body = new Font(f.regular(), 12);
            var addressee = new Paragraph(m.institution() + "：", new Font(f.bold(), 12));
            addressee.setSpacingBefore(10);
            document.add(addressee);
            var text = new Paragraph(
                    "根据" + m.legalBasis() + "的规定，我局在办理电信网络诈骗预警（案件）中，需要你单位协助对下列"
                            + object(m.kind()) + "采取" + NAMES.get(m.kind()) + "措施。请于收到本通知书后立即办理，"
                            + "并将办理结果及时反馈我局。",
                    body);
            text.setFirstLineIndent(24);
            text.setLeading(20);
            text.setSpacingBefore(6);
            document.add(text);

            document.add(facts(m, notice.target(), f));

            var closing = new Paragraph("特此通知。", body);
            closing.setFirstLineIndent(24);
            closing.setSpacingBefore(10);
            document.add(closing);

            var sign = new Paragraph(bureau + "\n" + DATE.format(m.issuedAt().atZone(zone)), body);
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(16);
            sign.setLeading(20);
            sign.setIndentationRight(12);
            document.add(sign);
            seal(writer, document, f);

            var receipt = new Paragraph(
                    "回执：请协助单位在办理后通过反诈平台回传办理结果（执行、拒绝及原因、实际止付/冻结金额），" + "或与承办单位联系。",
                    new Font(f.regular(), 10, Font.NORMAL, GREY));
            receipt.setSpacingBefore(22);
            receipt.setLeading(15);
            document.add(receipt);
            var small = new Font(f.regular(), 9, Font.NORMAL, GREY);
            var copies = new Paragraph("本通知书一式两份，一份交协助单位，一份附卷。", small);
            copies.setLeading(13);
            copies.setSpacingBefore(4);
            document.add(copies);
            var printed = new Paragraph(
                    "本文书载有完整的账号或号码，属个人敏感信息，打印已记入审计。打印人：" + printedBy.displayName() + "（" + printedBy.name() + "），打印于 "
                            + TIME.format(clock.instant().atZone(zone)),
                    small);
            printed.setLeading(13);
            document.add(printed);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the notice could not be laid out", e);
        }
        return out.toByteArray();
    }

    private PdfPTable facts(MeasureView m, String target, Fonts f) throws DocumentException {
        var rows = new ArrayList<String[]>();
        rows.add(new String[] {"措施", NAMES.get(m.kind())});
        rows.add(new String[] {"协助单位", m.institution()});
        rows.add(new String[] {targetLabel(m.kind()), target});
        if (m.holder() != null) {
            rows.add(new String[] {m.kind() == MeasureKind.PHONE_RESTRICTION ? "机主" : "户名", m.holder()});
        }
        if (m.amount() != null) {
            rows.add(new String[] {amountLabel(m.kind()), money(m.amount())});
        }
        if (m.transactedAt() != null) {
            rows.add(new String[] {"交易时间", TIME.format(m.transactedAt().atZone(zone))});
        }
        rows.add(new String[] {"事由", m.reason()});
        rows.add(new String[] {"期限", term(m)});
        if (m.executedAt() != null) {
            rows.add(new String[] {"执行时间", TIME.format(m.executedAt().atZone(zone))});
        }
        if (m.expiresAt() != null) {
            rows.add(new String[] {"到期时间", TIME.format(m.expiresAt().atZone(zone))});
        }
        if (m.dueAt() != null) {
            rows.add(new String[] {"返还期限", TIME.format(m.dueAt().atZone(zone))});
        }
        if (m.appealRoute() != null) {
            rows.add(new String[] {"申诉途径", m.appealRoute()});
        }
        rows.add(new String[] {"申请时间", TIME.format(m.issuedAt().atZone(zone))});
        rows.add(new String[] {"申请人", requester(m.requestedBy())});
        var station = stationName(m.stationCode());
        if (station != null) {
            rows.add(new String[] {"承办单位", station});
        }
        if (m.caseRef() != null) {
            rows.add(new String[] {"案件编号", m.caseRef()});
        }
        if (m.warningId() != null) {
            rows.add(new String[] {"预警编号", m.warningId().toString()});
        }

        var table = new PdfPTable(new float[] {1.1f, 3.9f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        var label = new Font(f.bold(), 10.5f);
        var value = new Font(f.regular(), 10.5f);
        for (var row : rows) {
            table.addCell(cell(row[0], label, new Color(0xF3, 0xF5, 0xF8)));
            table.addCell(cell(row[1] == null ? "—" : row[1], value, null));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        cell.setPaddingBottom(6);
        cell.setBorderColor(new Color(0xC5, 0xCE, 0xD9));
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** A round seal's place beside the signature: the unit stamps it on the printed copy. */
    private static void seal(PdfWriter writer, Document document, Fonts f) {
        float y = writer.getVerticalPosition(false) + 22;
        float x = document.right() - 60;
        PdfContentByte canvas = writer.getDirectContent();
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(1.2f);
        canvas.setLineDash(3, 3, 0);
        canvas.circle(x, y, 44);
        canvas.stroke();
        canvas.beginText();
        canvas.setColorFill(RED);
        canvas.setFontAndSize(f.regular(), 10);
        // the label in the seal's lower part, clear of the unit's name and the date it covers
        canvas.showTextAligned(Element.ALIGN_CENTER, "（公章）", x, y - 36, 0);
        canvas.endText();
        canvas.restoreState();
    }

    private static String object(MeasureKind kind) {
        return switch (kind) {
            case STOP_PAYMENT, FREEZE, UNFREEZE_RETURN -> "账户";
            case PHONE_RESTRICTION -> "电话号码";
            case URL_BLOCK -> "网址";
            case APP_BLOCK -> "应用程序";
            case CARD_CUT -> "人员名下银行卡、账户";
        };
    }

    private static String targetLabel(MeasureKind kind) {
        return switch (kind) {
            case STOP_PAYMENT, FREEZE, UNFREEZE_RETURN -> "账号";
            case PHONE_RESTRICTION -> "电话号码";
            case URL_BLOCK -> "网址";
            case APP_BLOCK -> "应用名称";
            case CARD_CUT -> "身份证号码";
        };
    }

    private static String amountLabel(MeasureKind kind) {
        return switch (kind) {
            case STOP_PAYMENT -> "止付金额";
            case FREEZE -> "冻结金额";
            case UNFREEZE_RETURN -> "返还金额";
            default -> "涉案金额";
        };
    }

    private static String term(MeasureView m) {
        return switch (m.kind()) {
            case STOP_PAYMENT -> "自执行之时起48小时；同一账户同一案件至多止付两次，需继续控制的应依法冻结";
            case FREEZE -> "自执行之日起6个月，期满前可依法续冻";
            case UNFREEZE_RETURN -> "自返还决定之日起3个工作日内返还被害人";
            case PHONE_RESTRICTION, CARD_CUT -> "至依法解除之日止；申诉核查属实的即时解除";
            case URL_BLOCK, APP_BLOCK -> "至依法解除之日止";
        };
    }

    private static String money(BigDecimal amount) {
        return "人民币" + String.format("%,.2f", amount) + "元";
    }

    private String requester(String username) {
        if ("system".equals(username)) {
            return "系统自动申请（资金预警，以快制快）";
        }
        return accounts.caller(username)
                .map(c -> c.displayName() + "（" + username + "）")
                .orElse(username);
    }

    private String stationName(String code) {
        return code == null ? null : units.names(List.of(code)).get(code);
    }

    private String cityName() {
        return units.list(UnitKind.CITY, Scope.city()).stream()
                .findFirst()
                .map(Unit::name)
                .orElse("澄川市");
    }

    private Fonts fonts() {
        var loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                loaded = fonts;
                if (loaded == null) {
                    loaded = new Fonts(font(REGULAR), font(BOLD));
                    fonts = loaded;
                }
            }
        }
        return loaded;
    }

    private static BaseFont font(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            var bytes = in.readAllBytes();
            var name = path.substring(path.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the notice font " + path + " is not on the class path", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the notice font " + path + " cannot be read", e);
        }
    }
}
