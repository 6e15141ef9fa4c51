package io.certdesk.order.invoice;

/** What an invoice line charges for. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "InvoiceLineKind")
public enum LineKind {
    /** The CA's application fee for the product (SSL申請料). */
    CA_FEE,
    /** The setup and application-agency fee (設定作業及び申請代行手数料). */
    SETUP_FEE,
    /** Another prepaid charge of the customer billed together, e.g. server fees. */
    EXTRA
}
