package io.certdesk.keystore.pki;

import java.io.IOException;
import java.io.StringWriter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text for BouncyCastle and JCA objects. */
public final class Pem {

    private Pem() {
    }

    public static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new PkiException("PEM encoding failed", e);
        }
        return out.toString();
    }
}
