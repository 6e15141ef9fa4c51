package io.certdesk.keystore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What the audit MAC covers, and what may enter the log. */
class AuditFormTest {

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        // newline-joined, these two entries would read alike; length-prefixed they cannot
        assertNotEquals(AuditLog.canonical("a\nb", "c"), AuditLog.canonical("a", "b\nc"));
        assertNotEquals(AuditLog.canonical("ab", ""), AuditLog.canonical("a", "b"));
        assertNotEquals(AuditLog.canonical((String) null), AuditLog.canonical(""));
        assertEquals("3:abc;-;0:;", AuditLog.canonical("abc", null, ""));
    }

    @Test
    void controlCharactersAreWrittenOutNotObeyed() {
        String forged = "cancelled\nSUCCESS key.export by admin\u001b[2J\u2028x";
        String cleaned = AuditLog.clean(forged, 1000);
        assertFalse(cleaned.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028), cleaned);
        assertEquals("cancelled\\u000aSUCCESS key.export by admin\\u001b[2J\\u2028x", cleaned);
        assertEquals("日本語のドメイン名", AuditLog.clean("日本語のドメイン名", 1000));
        assertEquals(5, AuditLog.clean("0123456789", 5).length());
    }
}
