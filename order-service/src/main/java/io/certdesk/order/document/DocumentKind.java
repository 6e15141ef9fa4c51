package io.certdesk.order.document;

import io.certdesk.order.product.ValidationLevel;
import java.util.List;

/** The papers the CA requires for organisation (OV) and extended (EV) validation. */
public enum DocumentKind {
    /** The CA's application form, sealed by the company (捺印済み契約申込書). */
    APPLICATION_FORM,
    /** The company seal's registration certificate (印鑑証明書). */
    SEAL_CERTIFICATE,
    /** Certified copy of the commercial registry (登記簿謄本 / 履歴事項全部証明書). */
    REGISTRY_TRANSCRIPT,
    /** An attorney's opinion letter (弁護士意見書), asked for by EV products whose CA requires it. */
    ATTORNEY_OPINION;

    /**
     * The checklist of a certificate of {@code level}; DV needs none, EV adds the attorney's letter when the
     * product (as copied into the order) requires it.
     */
    /** What the customer calls it. */
    public String label() {
        return switch (this) {
            case APPLICATION_FORM -> "認証局所定の契約申込書（ご捺印のうえ）";
            case SEAL_CERTIFICATE -> "印鑑証明書（発行後3か月以内の原本）";
            case REGISTRY_TRANSCRIPT -> "履歴事項全部証明書（登記簿謄本、発行後3か月以内の原本）";
            case ATTORNEY_OPINION -> "弁護士意見書";
        };
    }

    public static List<DocumentKind> required(ValidationLevel level, boolean attorneyLetter) {
        return switch (level) {
            case DV -> List.of();
            case OV -> List.of(APPLICATION_FORM, SEAL_CERTIFICATE, REGISTRY_TRANSCRIPT);
            case EV -> attorneyLetter
                    ? List.of(APPLICATION_FORM, SEAL_CERTIFICATE, REGISTRY_TRANSCRIPT, ATTORNEY_OPINION)
                    : List.of(APPLICATION_FORM, SEAL_CERTIFICATE, REGISTRY_TRANSCRIPT);
        };
    }
}
