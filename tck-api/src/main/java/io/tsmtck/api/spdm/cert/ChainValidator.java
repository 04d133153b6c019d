package io.tsmtck.api.spdm.cert;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a device's SPDM certificate chain against the trust anchor its user gives: the RootHash is
 * the hash of the first certificate; the first certificate is the anchor itself or is signed by it;
 * and the JDK's PKIX validator accepts the path (signatures, validity at the given time, basic
 * constraints, key usage; no revocation check).
 *
 * <p>Threading: immutable, safe to share.
 */
public final class ChainValidator {

    private final X509Certificate anchor;

    public ChainValidator(X509Certificate anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /** The leaf certificate of a chain that holds, or why it does not. */
    public SessionResult<X509Certificate> validate(SpdmCertificateChain chain, HashAlgorithm hash, Instant at) {
        List<X509Certificate> certificates;
        try {
            certificates = chain.parsed();
        } catch (RuntimeException e) {
            return untrusted("a certificate of the chain does not parse: " + e.getMessage());
        }
        ByteString expectedRoot = ByteString.of(hash.digest(chain.certificates().get(0).toByteArray()));
        if (!expectedRoot.equals(chain.rootHash())) {
            return untrusted("RootHash " + chain.rootHash().hex() + " is not the " + hash
                    + " of the first certificate (" + expectedRoot.hex() + ")");
        }
        for (X509Certificate certificate : certificates) {
            Date date = Date.from(at);
            if (date.after(certificate.getNotAfter()) || date.before(certificate.getNotBefore())) {
                return untrusted("certificate " + certificate.getSubjectX500Principal() + " is not valid at " + at
                        + (date.after(certificate.getNotAfter()) ? ": it expired on " : ": valid only from ")
                        + (date.after(certificate.getNotAfter()) ? certificate.getNotAfter().toInstant()
                                : certificate.getNotBefore().toInstant()));
            }
        }
        List<X509Certificate> path = new ArrayList<>(certificates);
        if (path.get(0).equals(anchor)) {
            path.remove(0);
        }
        if (path.isEmpty()) {
            return SessionResult.ok(anchor);
        }
        Collections.reverse(path);
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return SessionResult.ok(path.get(0));
        } catch (CertPathValidatorException e) {
            String which = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " at " + path.get(e.getIndex()).getSubjectX500Principal() : "";
            return untrusted("the chain does not validate against the trust anchor "
                    + anchor.getSubjectX500Principal() + which + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return untrusted("the chain cannot be validated: " + e.getMessage());
        }
    }

    private static SessionResult<X509Certificate> untrusted(String detail) {
        return SessionResult.failed(SessionError.Kind.UNTRUSTED_CHAIN, detail);
    }
}
