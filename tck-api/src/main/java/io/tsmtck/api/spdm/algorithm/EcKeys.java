package io.tsmtck.api.spdm.algorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Key pairs on the NIST curves, for signing identities and ephemeral DHE keys alike. */
final class EcKeys {

    private EcKeys() {
    }

    static KeyPair generate(String curve, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + curve + " keys", e);
        }
    }
}
