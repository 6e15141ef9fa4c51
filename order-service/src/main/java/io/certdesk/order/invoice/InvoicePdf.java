package io.certdesk.order.invoice;

import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.JapaneseText;
import io.certdesk.order.platform.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders the qualified invoice (適格請求書) as an A4 PDF in Japanese, with the IPAex Gothic font shipped with the
 * service embedded as a subset: the recipient with 御中, the issuer with its registration number, the issue and due
 * dates as yyyy年M月d日, the lines (reduced-rate ones marked ※), the totals and contained tax per category (10%,
 * 8%, non-taxable), the account to pay into and who bears the transfer fee. The same data always renders the same
 * text; the PDF is rendered once, when the invoice is issued, and kept as it was delivered.
 */
@ApplicationScoped
public class InvoicePdf {

    /** What the invoice says, as it was when it was issued. */
    public record Facts(String number, String recipientName, String issuerName, String issuerAddress,
            String registrationNumber, LocalDate issueDate, LocalDate dueDate, long orderId, List<InvoiceView.Line> lines,
            List<InvoiceView.TaxBreakdown> taxes, long totalJpy, BillingConfig.Bank bank, String transferFeeNote) {
    }

    /**
     * A document about an invoice already delivered: the notice that it was cancelled (取消), or a refund invoice
     * (適格返還請求書) for the price returned. {@code amounts} per tax category; {@code facts} are the labelled lines
     * (返還日, the invoice and the day of the sale, …) printed under the recipient.
     */
    public record Correction(String title, String subtitle, String documentNumber, String recipientName,
            String issuerName, String issuerAddress, String registrationNumber, LocalDate documentDate,
            List<String[]> facts, List<String> items, String amountLabel, List<InvoiceView.TaxBreakdown> amounts,
            long totalJpy, List<String> closing) {
    }

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float ROW = 18;

    /** Printed in place of a character the font has no glyph for (a rare kanji such as 𠮷, an emoji). */
    static final String MISSING = "〓";

    private final TrueTypeFont font;
    private final org.apache.fontbox.ttf.CmapLookup cmap;

    public InvoicePdf() {
        try (InputStream in = InvoicePdf.class.getResourceAsStream("/fonts/ipaexg.ttf")) {
            if (in == null) {
                throw new IllegalStateException("The invoice font fonts/ipaexg.ttf is missing from the service");
            }
            this.font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            this.cmap = font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("The invoice font fonts/ipaexg.ttf cannot be read", e);
        }
    }

    /**
     * What the font can print of {@code text}: control characters (a line break in a description) become a space,
     * a character without a glyph becomes 〓 (as Japanese print marks a character it cannot set), so that no name
     * or description can make an invoice impossible to issue.
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) == 0) {
                out.append(MISSING);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Renders the invoice; CPU work, call it off the event loop. */
    public byte[] invoice(Facts f) {
        return render("請求書 " + f.number(), f.issuerName(), "適格請求書 " + f.recipientName() + " 御中", f.issueDate(),
                f.number(), layout -> layout.invoice(f));
    }

    /** Renders a cancellation notice or a refund invoice; CPU work, call it off the event loop. */
    public byte[] correction(Correction c) {
        return render(c.title() + " " + c.documentNumber(), c.issuerName(), c.subtitle() + " " + c.recipientName()
                + " 御中", c.documentDate(), c.documentNumber(), layout -> layout.correction(c));
    }

    /** What a document draws on its pages. */
    private interface Drawing {
        void draw(Layout layout) throws IOException;
    }

    /** One document with the font embedded; one render at a time reads the shared font. */
    private byte[] render(String title, String author, String subject, LocalDate day, String number, Drawing drawing) {
        synchronized (font) {
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDType0Font jp = PDType0Font.load(doc, font, true);
                info(doc, title, author, subject, day, number);
                drawing.draw(new Layout(doc, jp, this::printable));
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(title + " could not be rendered", e);
            }
        }
    }

    private static void info(PDDocument doc, String title, String author, String subject, LocalDate day, String number) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setProducer("certdesk order-service");
        // the document's date, not the render time: the same facts render the same document
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
        issued.clear();
        issued.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        info.setCreationDate(issued);
        // a file identifier from the document number, not from the clock (the writer's default)
        COSArray id = new COSArray();
        byte[] digest = Digests.sha256(number);
        id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
        id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /** Writes pages top-down, starting a new page when the next row would not fit. */
    private static final class Layout {
        private final PDDocument doc;
        private final PDType0Font font;
        private final java.util.function.UnaryOperator<String> printable;
        private PDPageContentStream cs;
        private float y;
        /** Whether a continued page repeats the lines' table header (the invoice) or not (a correction). */
        private boolean table = true;

        Layout(PDDocument doc, PDType0Font font, java.util.function.UnaryOperator<String> printable) {
            this.doc = doc;
            this.font = font;
            this.printable = printable;
        }

        void invoice(Facts f) throws IOException {
            page();
            centered("請求書", 22, HEIGHT - 70);
            centered("（適格請求書）", 10, HEIGHT - 86);

            // right: number and dates
            float right = WIDTH - MARGIN;
            rightText("請求書番号：" + f.number(), 9, right, HEIGHT - 115);
            rightText("発行日：" + JapaneseText.date(f.issueDate()), 9, right, HEIGHT - 129);
            rightText("注文番号：" + f.orderId(), 9, right, HEIGHT - 143);

            parties(f.recipientName(), f.issuerName(), f.issuerAddress(), f.registrationNumber());

            text("下記のとおりご請求申し上げます。", 10, MARGIN, HEIGHT - 222);
            // the amount due, boxed
            float boxTop = HEIGHT - 232;
            cs.setNonStrokingColor(0.93f, 0.93f, 0.93f);
            cs.addRect(MARGIN, boxTop - 30, 300, 30);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            rect(MARGIN, boxTop - 30, 300, 30, 0.8f);
            text("ご請求金額（税込）", 11, MARGIN + 10, boxTop - 20);
            rightText(JapaneseText.yen(f.totalJpy()), 15, MARGIN + 290, boxTop - 21);
            text("お支払期限：" + JapaneseText.date(f.dueDate()), 10, MARGIN, boxTop - 48);

            // the lines
            y = boxTop - 75;
            header();
            boolean reduced = false;
            for (InvoiceView.Line l : f.lines()) {
                boolean mark = l.taxCategory() == TaxCategory.REDUCED;
                reduced |= mark;
                List<String> wrapped = wrap((mark ? "※ " : "") + l.description(), 9, 330);
                float height = ROW + (wrapped.size() - 1) * 12;
                ensure(height + ROW);
                text(Integer.toString(l.position()), 9, MARGIN + 6, y - 13);
                for (int i = 0; i < wrapped.size(); i++) {
                    text(wrapped.get(i), 9, MARGIN + 34, y - 13 - i * 12);
                }
                text(category(l.taxCategory(), l.taxRatePercent()), 9, MARGIN + 380, y - 13);
                rightText(JapaneseText.yen(l.amountJpy()), 9, WIDTH - MARGIN - 6, y - 13);
                y -= height;
                line(MARGIN, y, WIDTH - MARGIN, y, 0.3f);
            }

            // the totals per category, then the total
            ensure(ROW * (f.taxes().size() + 3));
            y -= 8;
            for (InvoiceView.TaxBreakdown t : f.taxes()) {
                String label = switch (t.taxCategory()) {
                    case STANDARD -> t.taxRatePercent() + "%対象";
                    case REDUCED -> t.taxRatePercent() + "%対象（※軽減税率対象）";
                    case NON_TAXABLE -> "非課税";
                };
                String amount = t.taxCategory() == TaxCategory.NON_TAXABLE ? JapaneseText.yen(t.totalJpy())
                        : JapaneseText.yen(t.totalJpy()) + "（うち消費税 " + JapaneseText.yen(t.containedTaxJpy()) + "）";
                text(label, 9, WIDTH - MARGIN - 260, y - 12);
                rightText(amount, 9, WIDTH - MARGIN - 6, y - 12);
                y -= 15;
            }
            line(WIDTH - MARGIN - 260, y - 2, WIDTH - MARGIN, y - 2, 0.8f);
            y -= 4;
            text("合計（税込）", 10, WIDTH - MARGIN - 260, y - 13);
            rightText(JapaneseText.yen(f.totalJpy()), 10, WIDTH - MARGIN - 6, y - 13);
            y -= ROW + 6;
            if (reduced) {
                text("※は軽減税率対象であることを示します。", 8, MARGIN, y - 10);
                y -= 14;
            }

            // where to pay
            ensure(90);
            y -= 10;
            text("お振込先", 10, MARGIN, y - 12);
            BillingConfig.Bank b = f.bank();
            text(b.name() + "　" + b.branch(), 10, MARGIN + 70, y - 12);
            text(b.accountType() + "預金　口座番号 " + b.accountNumber(), 10, MARGIN + 70, y - 27);
            text("口座名義　" + b.accountHolder(), 10, MARGIN + 70, y - 42);
            y -= 58;
            for (String s : wrap("お支払期限（" + JapaneseText.date(f.dueDate()) + "）までにお振り込みください。"
                    + f.transferFeeNote(), 9, WIDTH - 2 * MARGIN)) {
                text(s, 9, MARGIN, y - 10);
                y -= 13;
            }
            cs.close();
        }

        void correction(Correction c) throws IOException {
            table = false;
            page();
            centered(c.title(), 20, HEIGHT - 70);
            centered("（" + c.subtitle() + "）", 10, HEIGHT - 86);
            float right = WIDTH - MARGIN;
            rightText("文書番号：" + c.documentNumber(), 9, right, HEIGHT - 115);
            rightText("発行日：" + JapaneseText.date(c.documentDate()), 9, right, HEIGHT - 129);

            parties(c.recipientName(), c.issuerName(), c.issuerAddress(), c.registrationNumber());

            y = HEIGHT - 222;
            for (String[] fact : c.facts()) {
                text(fact[0], 10, MARGIN, y);
                for (String part : wrap(fact[1], 10, WIDTH - 2 * MARGIN - 130)) {
                    text(part, 10, MARGIN + 130, y);
                    y -= 15;
                }
            }
            y -= 6;
            text("対象となる取引", 10, MARGIN, y);
            y -= 6;
            for (String item : c.items()) {
                for (String part : wrap("・" + item, 9, WIDTH - 2 * MARGIN - 20)) {
                    ensure(14);
                    y -= 13;
                    text(part, 9, MARGIN + 10, y);
                }
            }
            y -= 14;
            ensure(ROW * (c.amounts().size() + 3));
            for (InvoiceView.TaxBreakdown t : c.amounts()) {
                String label = switch (t.taxCategory()) {
                    case STANDARD -> t.taxRatePercent() + "%対象";
                    case REDUCED -> t.taxRatePercent() + "%対象（※軽減税率対象）";
                    case NON_TAXABLE -> "非課税";
                };
                String amount = t.taxCategory() == TaxCategory.NON_TAXABLE ? JapaneseText.yen(t.totalJpy())
                        : JapaneseText.yen(t.totalJpy()) + "（うち消費税 " + JapaneseText.yen(t.containedTaxJpy()) + "）";
                text(label, 10, MARGIN, y - 12);
                rightText(amount, 10, WIDTH - MARGIN - 6, y - 12);
                y -= 16;
            }
            line(MARGIN, y - 2, WIDTH - MARGIN, y - 2, 0.8f);
            y -= 4;
            text(c.amountLabel(), 11, MARGIN, y - 14);
            rightText(JapaneseText.yen(c.totalJpy()), 11, WIDTH - MARGIN - 6, y - 14);
            y -= ROW + 14;
            for (String paragraph : c.closing()) {
                for (String part : wrap(paragraph, 9, WIDTH - 2 * MARGIN)) {
                    ensure(14);
                    text(part, 9, MARGIN, y - 10);
                    y -= 13;
                }
                y -= 4;
            }
            cs.close();
        }

        /** Left, the recipient with 御中, underlined; right, the issuer with its address and registration number. */
        private void parties(String recipientName, String issuerName, String issuerAddress, String registrationNumber)
                throws IOException {
            String recipient = recipientName + "　御中";
            text(recipient, 14, MARGIN, HEIGHT - 135);
            line(MARGIN, HEIGHT - 140, MARGIN + Math.max(220, width(recipient, 14)), HEIGHT - 140, 0.8f);
            float right = WIDTH - MARGIN;
            float issuerY = HEIGHT - 165;
            rightText(issuerName, 11, right, issuerY);
            if (issuerAddress != null && !issuerAddress.isBlank()) {
                issuerY -= 14;
                rightText(issuerAddress, 9, right, issuerY);
            }
            issuerY -= 14;
            rightText("登録番号：" + registrationNumber, 9, right, issuerY);
        }

        private static String category(TaxCategory c, int rate) {
            return switch (c) {
                case STANDARD -> rate + "%";
                case REDUCED -> rate + "%※";
                case NON_TAXABLE -> "非課税";
            };
        }

        private void header() throws IOException {
            cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            cs.addRect(MARGIN, y - ROW, WIDTH - 2 * MARGIN, ROW);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            text("No.", 9, MARGIN + 6, y - 13);
            text("品目", 9, MARGIN + 34, y - 13);
            text("税率", 9, MARGIN + 380, y - 13);
            rightText("金額（税込）", 9, WIDTH - MARGIN - 6, y - 13);
            y -= ROW;
            line(MARGIN, y, WIDTH - MARGIN, y, 0.6f);
        }

        private void page() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = HEIGHT - MARGIN;
        }

        /** A new page, with the table header again, when {@code needed} points do not fit. */
        private void ensure(float needed) throws IOException {
            if (y - needed < MARGIN) {
                page();
                text("（続き）", 9, MARGIN, y - 10);
                y -= 20;
                if (table) {
                    header();
                }
            }
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(printable.apply(s)) / 1000 * size;
        }

        /** Breaks {@code s} into lines no wider than {@code max}, between any two characters (Japanese has no spaces). */
        private List<String> wrap(String s, float size, float max) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                String next = new String(Character.toChars(cp));
                if (current.length() > 0 && width(current + next, size) > max) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                current.append(next);
                i += Character.charCount(cp);
            }
            if (current.length() > 0 || out.isEmpty()) {
                out.add(current.toString());
            }
            return out;
        }

        private void text(String s, float size, float x, float atY) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(printable.apply(s));
            cs.endText();
        }

        private void rightText(String s, float size, float right, float atY) throws IOException {
            text(s, size, right - width(s, size), atY);
        }

        private void centered(String s, float size, float atY) throws IOException {
            text(s, size, (WIDTH - width(s, size)) / 2, atY);
        }

        private void line(float x1, float y1, float x2, float y2, float w) throws IOException {
            cs.setLineWidth(w);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }

        private void rect(float x, float atY, float w, float h, float lineWidth) throws IOException {
            cs.setLineWidth(lineWidth);
            cs.addRect(x, atY, w, h);
            cs.stroke();
        }
    }
}
