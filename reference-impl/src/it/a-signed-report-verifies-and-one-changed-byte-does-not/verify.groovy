def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: CERTIFIED')
assert new File(basedir, 'target/tsm-tck/certification-report.json.sig').text.startsWith('SHA384withECDSA ')
assert new File(basedir, 'target/tsm-tck/certification-report.json.pem').text.contains('BEGIN CERTIFICATE')
assert log.contains('[tsm-tck] checked: the report is signed by a chain ending at CN=ACME lab, and the signature verifies')
assert log.contains('the signature does not verify: the report is not what CN=ACME lab signed')
return true
