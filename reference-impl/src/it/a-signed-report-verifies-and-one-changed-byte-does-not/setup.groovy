// a lab's signing key: a P-384 key in a PKCS#12 keystore, its certificate the reviewer's trust anchor
def keytool = new File(System.getProperty('java.home'), 'bin/keytool').path
def run = { List<String> args ->
    def p = ([keytool] + args).execute(null, basedir)
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
new File(basedir, 'lab.p12').delete()
run(['-genkeypair', '-alias', 'signer', '-keyalg', 'EC', '-groupname', 'secp384r1', '-dname', 'CN=ACME lab',
     '-validity', '2', '-storetype', 'PKCS12', '-keystore', 'lab.p12', '-storepass', 'changeit'])
run(['-exportcert', '-rfc', '-alias', 'signer', '-keystore', 'lab.p12', '-storepass', 'changeit', '-file', 'anchor.pem'])
return true
