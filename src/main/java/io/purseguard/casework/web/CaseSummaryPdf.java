package io.purseguard.casework.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.purseguard.casework.CaseDirectory;
import io.purseguard.casework.CaseRecovery;
import io.purseguard.casework.CaseScope;
import io.purseguard.casework.CaseView;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.protection.CaseMeasures;
import io.purseguard.protection.MeasureView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 案件摘要: a printable summary of one case (masked as the page shows it), with OpenPDF and the Noto Sans
 * SC subset embedded, as protection's notices are. Every print is audited.
 */
@Controller
class CaseSummaryPdf {

    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseDirectory directory;
    private final CaseRecovery recovery;
    private final AuditTrail audit;
    private final MessageSource messages;
    private volatile BaseFont font;

    CaseSummaryPdf(CaseDirectory directory, CaseRecovery recovery, AuditTrail audit, MessageSource messages) {
        this.directory = directory;
        this.recovery = recovery;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/cases/{id}/summary.pdf")
    void print(Caller caller, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        var found = CaseScope.worksCases(caller) ? directory.find(id, caller) : java.util.Optional.<CaseView>empty();
        if (found.isEmpty()) {
            response.sendError(404);
            return;
        }
        var c = found.get();
        audit.record(caller.name(), "CASE_SUMMARY_PRINTED", "case", id.toString(), c.caseNo());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + c.caseNo() + ".pdf\"");
        write(c, recovery.measures(id, caller), recovery.recovered(id, caller), response.getOutputStream());
    }

    void write(CaseView c, List<MeasureView> measures, CaseMeasures.Recovered recovered, java.io.OutputStream out) {
        var base = font();
        var title = new Font(base, 16, Font.BOLD);
        var body = new Font(base, 10.5f);
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            var heading = new Paragraph("案件摘要  " + c.caseNo(), title);
            heading.setSpacingAfter(10);
            document.add(heading);
            var facts = new PdfPTable(new float[] {1, 3});
            facts.setWidthPercentage(100);
            row(facts, "状态", c.status().zh(), body);
            row(
                    facts,
                    "诈骗类型",
                    messages.getMessage(
                                    "case.type." + c.fraudType(),
                                    null,
                                    c.fraudType().name(),
                                    java.util.Locale.SIMPLIFIED_CHINESE)
                            + (c.fraudSubtype() == null ? "" : " · " + c.fraudSubtype()),
                    body);
            row(facts, "受理单位", c.unitName() == null ? c.unitCode() : c.unitName(), body);
            row(facts, "接报时间", TIME.format(c.reportedAt().atZone(CaseForms.LOCAL)), body);
            row(facts, "办案民警", c.officerName() == null ? "—" : c.officerName(), body);
            row(facts, "损失金额", money(c.lossAmount()), body);
            row(
                    facts,
                    "挽损",
                    "止付 " + money(recovered.stopped()) + "，冻结 " + money(recovered.frozen()) + "，返还 "
                            + money(recovered.returned()) + "，合计 " + money(recovered.recovered()),
                    body);
            for (var v : c.victims()) {
                row(
                        facts,
                        "受害人" + v.seq(),
                        v.name()
                                + (v.age() == null ? "" : "，" + v.age() + "岁")
                                + (v.idNumber() == null ? "" : "，身份证 " + v.idNumber())
                                + (v.phone() == null ? "" : "，电话 " + v.phone()),
                        body);
            }
            document.add(facts);
            document.add(section("简要案情", base));
            document.add(new Paragraph(c.narrative() == null ? "—" : c.narrative(), body));
            document.add(section("转账明细", base));
            for (var t : c.transfers()) {
                document.add(new Paragraph(
                        t.seq() + ". " + money(t.amount()) + " → " + nz(t.receivingAccount()) + " "
                                + nz(t.receivingBank()) + " " + nz(t.receivingHolder()),
                        body));
            }
            document.add(section("涉案标识", base));
            for (var i : c.identifiers()) {
                document.add(new Paragraph(
                        i.kind().zh() + "：" + i.normalized() + (i.detail() == null ? "" : "（" + i.detail() + "）"),
                        body));
            }
            document.add(section("止付冻结", base));
            for (var m : measures) {
                document.add(new Paragraph(
                        m.documentNo() + " " + m.kind() + " " + m.target() + " " + m.state()
                                + (m.expiresAt() == null
                                        ? ""
                                        : "，至 " + TIME.format(m.expiresAt().atZone(CaseForms.LOCAL))),
                        body));
            }
            document.add(section("办理经过", base));
            for (var h : c.history()) {
                document.add(new Paragraph(
                        TIME.format(h.at().atZone(CaseForms.LOCAL)) + "  " + h.action() + "  " + h.actor()
                                + (h.note() == null ? "" : "  " + h.note()),
                        body));
            }
            var footer = new Paragraph("个人信息已脱敏；打印已记入审计。", new Font(base, 8));
            footer.setSpacingBefore(16);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            document.close();
        }
    }

    private static Paragraph section(String text, BaseFont base) {
        var p = new Paragraph(text, new Font(base, 12, Font.BOLD));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        table.addCell(new PdfPCell(new Phrase(label, font)));
        table.addCell(new PdfPCell(new Phrase(value, font)));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "—" : "¥" + String.format("%,.2f", amount);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private BaseFont font() {
        var loaded = font;
        if (loaded == null) {
            try (var in = new ClassPathResource(REGULAR).getInputStream()) {
                loaded = BaseFont.createFont(
                        "NotoSansSC-Regular.ttf",
                        BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED,
                        false,
                        in.readAllBytes(),
                        null);
                font = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
        return loaded;
    }
}
