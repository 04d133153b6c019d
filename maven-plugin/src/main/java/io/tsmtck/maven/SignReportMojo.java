package io.tsmtck.maven;

import io.tsmtck.tck.report.ReportSignature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code tsm-tck:sign-report}: signs a certification report over a canonical form of its JSON with a
 * key of a PKCS#12 keystore, or a PEM PKCS#8 key with its PEM certificate chain (ECDSA P-256/P-384 or
 * Ed25519), writing the signature and the signer's
 * certificate chain beside it; {@code tsm-tck:verify-report -Dtsm-tck.signerAnchor=<cert>} checks them:
 * {@code mvn io.tsmtck:tsm-tck-maven-plugin:<version>:sign-report -Dtsm-tck.report=certification-report.json
 * -Dtsm-tck.keystore=lab.p12 -Dtsm-tck.keyAlias=signer} with the password in {@code TSM_TCK_KEYSTORE_PASSWORD}.
 */
@Mojo(name = "sign-report", requiresProject = false, threadSafe = true)
public final class SignReportMojo extends AbstractMojo {

    /** The report to sign. */
    @Parameter(property = "tsm-tck.report", required = true)
    private File report;

    /** The PKCS#12 keystore holding the signing key and its certificate chain (or give a PEM key). */
    @Parameter(property = "tsm-tck.keystore")
    private File keystore;

    /** The signing key's alias in the keystore. */
    @Parameter(property = "tsm-tck.keyAlias")
    private String keyAlias;

    /** A PEM PKCS#8 private key ("BEGIN PRIVATE KEY"), instead of a keystore. */
    @Parameter(property = "tsm-tck.key")
    private File key;

    /** The PEM certificate chain of {@link #key}, signer first. */
    @Parameter(property = "tsm-tck.certificate")
    private File certificate;

    /** The keystore's password; the environment variable TSM_TCK_KEYSTORE_PASSWORD when unset. */
    @Parameter(property = "tsm-tck.keystorePassword")
    private String keystorePassword;

    @Override
    public void execute() throws MojoExecutionException {
        if (!report.isFile()) {
            throw new MojoExecutionException(report + " is not a file: give -Dtsm-tck.report=<a"
                    + " certification-report.json>");
        }
        if (key != null) {
            if (certificate == null || !key.isFile() || !certificate.isFile()) {
                throw new MojoExecutionException("a PEM key signs with its chain: give -Dtsm-tck.key=<key.pem> and"
                        + " -Dtsm-tck.certificate=<chain.pem>, both files");
            }
            try {
                log(ReportSignature.sign(report.toPath(), key.toPath(), certificate.toPath()));
            } catch (IOException | GeneralSecurityException e) {
                throw new MojoExecutionException("cannot sign " + report + " with " + key + ": " + e.getMessage(), e);
            }
            return;
        }
        if (keystore == null || keyAlias == null) {
            throw new MojoExecutionException("no signing key: give -Dtsm-tck.keystore=<a PKCS#12 file> and"
                    + " -Dtsm-tck.keyAlias=<its key>, or -Dtsm-tck.key=<key.pem> and -Dtsm-tck.certificate=<chain.pem>");
        }
        String password = keystorePassword != null ? keystorePassword : System.getenv("TSM_TCK_KEYSTORE_PASSWORD");
        if (password == null) {
            throw new MojoExecutionException("no keystore password: set TSM_TCK_KEYSTORE_PASSWORD (or"
                    + " -Dtsm-tck.keystorePassword)");
        }
        if (!keystore.isFile()) {
            throw new MojoExecutionException(keystore + " is not a file: give -Dtsm-tck.keystore=<a PKCS#12 file>");
        }
        try {
            log(ReportSignature.sign(report.toPath(), keystore.toPath(), password.toCharArray(), keyAlias));
        } catch (IOException | GeneralSecurityException e) {
            throw new MojoExecutionException("cannot sign " + report + " with '" + keyAlias + "' of " + keystore + ": "
                    + e.getMessage(), e);
        }
    }

    private void log(Path signature) {
        getLog().info("[tsm-tck] signed " + report + ": " + signature + " and its " + ReportSignature.CHAIN_SUFFIX
                + " chain beside it");
    }
}
