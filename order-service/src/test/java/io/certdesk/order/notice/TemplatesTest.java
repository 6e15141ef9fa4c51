package io.certdesk.order.notice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every customer notice template, rendered with sample facts: Japanese only (no English words reach the customer),
 * dates as yyyy年M月d日 (never ISO), amounts as 49,000円, every placeholder filled, and the business signature.
 */
class TemplatesTest {

    private static final Path DIR = Path.of("src/main/resources/templates/notices");
    /** Latin words that may stand in a customer's mail: names, not English sentences. */
    private static final Set<String> ALLOWED = Set.of("certdesk", "https", "PDF", "SSL", "CA", "URL", "INV", "www", "example",
            "co", "jp", "GlobalSign", "DV", "CD", "CSR");
    /** The staff alert is for the desk, not for a customer. */
    private static final Set<String> STAFF_ONLY = Set.of("staff-alert.txt");

    private static Object sample(String name) {
        if (name.endsWith("Date") || name.equals("earliestDate") || name.equals("launchDate")) {
            return "2026年12月15日";
        }
        if (name.endsWith("Yen")) {
            return "49,000円";
        }
        return switch (name) {
            case "items", "questions" -> List.of("印鑑証明書（発行後3か月以内の原本）", "履歴事項全部証明書");
            case "extras", "keptKey", "siteSeal", "organisationChecks", "refundDue", "applied", "feeDeducted", "refundInvoice" -> true;
            case "customer" -> Map.of("organisationName", "株式会社サンプル");
            case "order" -> Map.of("id", 77, "domain", "www.example.co.jp", "launchDate", "2026年12月15日");
            case "invoice" -> Map.of("number", "INV-2026-000042", "dueDate", "2026年12月15日");
            case "signature" -> "今後ともcertdesk株式会社をよろしくお願い申し上げます。\n――\ncertdesk株式会社　SSL証明書サポート窓口\n電話：03-1234-5678\n";
            case "domain" -> "www.example.co.jp";
            case "httpsUrl" -> "https://www.example.co.jp/";
            case "slot" -> "2026年12月1日（火）14:00";
            case "invoiceNumber" -> "INV-2026-000042";
            case "orderId", "invoiceDigits" -> "77";
            case "registrationNumber" -> "T7123456789012";
            case "accountNumber" -> "1234567";
            case "contactPhone" -> "03-1234-5678";
            default -> "サンプル";
        };
    }

    @Test
    void everyCustomerNoticeIsJapaneseWithJapaneseDatesAndEveryPlaceholderFilled() throws IOException {
        Engine engine = Engine.builder().addDefaults().build();
        Pattern placeholder = Pattern.compile("\\{#?(?:if |for \\w+ in )?([a-zA-Z][a-zA-Z0-9]*)");
        List<Path> templates;
        try (Stream<Path> files = Files.list(DIR)) {
            templates = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(templates.size() >= 11, "templates: " + templates);
        for (Path file : templates) {
            String source = Files.readString(file);
            Map<String, Object> data = new HashMap<>();
            Matcher m = placeholder.matcher(source);
            while (m.find()) {
                String name = m.group(1);
                if (!Set.of("if", "else", "for", "item", "each").contains(name)) {
                    data.put(name, sample(name));
                }
            }
            Template t = engine.parse(source);
            var instance = t.instance();
            data.forEach(instance::data);
            String text = instance.render();
            String name = file.getFileName().toString();
            assertFalse(text.contains("{") || text.contains("NOT_FOUND"), name + " left a placeholder:\n" + text);
            assertFalse(text.matches("(?s).*\\b\\d{4}-\\d{2}-\\d{2}\\b.*"), name + " prints an ISO date:\n" + text);
            if (STAFF_ONLY.contains(name)) {
                continue;
            }
            Set<String> english = new TreeSet<>();
            Matcher w = Pattern.compile("[A-Za-z]{2,}").matcher(text);
            while (w.find()) {
                if (!ALLOWED.contains(w.group())) {
                    english.add(w.group());
                }
            }
            assertTrue(english.isEmpty(), name + " has English words " + english + ":\n" + text);
            assertTrue(text.contains("ご担当者様") || text.contains("御中"), name + " greets no one:\n" + text);
            assertTrue(text.contains("よろしくお願い申し上げます"), name + " has no signature:\n" + text);
        }
    }
}
