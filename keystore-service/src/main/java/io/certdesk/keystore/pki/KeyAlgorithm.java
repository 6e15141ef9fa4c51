package io.certdesk.keystore.pki;

/** The key types the vault generates: what CAs accept for TLS server certificates today. */
public enum KeyAlgorithm {
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA256withRSA"),
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("EC", 384, "secp384r1", "SHA256withECDSA");

    private final String family;
    private final int bits;
    private final String curve;
    private final String csrSignature;

    KeyAlgorithm(String family, int bits, String curve, String csrSignature) {
        this.family = family;
        this.bits = bits;
        this.curve = curve;
        this.csrSignature = csrSignature;
    }

    public String family() {
        return family;
    }

    public int bits() {
        return bits;
    }

    /** Named curve for EC keys, null for RSA. */
    public String curve() {
        return curve;
    }

    /** Signature algorithm of CSRs made with this key (always SHA-256). */
    public String csrSignature() {
        return csrSignature;
    }
}
